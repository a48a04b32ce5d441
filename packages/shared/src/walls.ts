import { z } from 'zod';

/** Video wall grids: 1×1 … 6×6. */
export const WALL_GRIDS = [1, 2, 3, 4, 5, 6] as const;
export const wallGridSchema = z.number().int().min(1).max(6);
export type WallGrid = (typeof WALL_GRIDS)[number];

/** One camera per cell, row by row; null is an empty cell. */
const cellsSchema = z.array(z.uuid().nullable()).max(36);

export const wallLayoutSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  grid: z.number().int(),
  cells: z.array(z.uuid().nullable()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WallLayout = z.infer<typeof wallLayoutSchema>;

const layoutFields = {
  name: z.string().trim().min(1).max(80),
  grid: wallGridSchema,
  cells: cellsSchema,
};
const cellsMatchGrid = (v: { grid?: number; cells?: (string | null)[] }) => v.grid === undefined || v.cells === undefined || v.cells.length === v.grid * v.grid;
const cellsMessage = { message: 'jumlah sel harus sama dengan ukuran grid × grid', path: ['cells'] };

export const wallLayoutInputSchema = z.strictObject(layoutFields).refine(cellsMatchGrid, cellsMessage);
export type WallLayoutInput = z.infer<typeof wallLayoutInputSchema>;
export const wallLayoutUpdateSchema = z
  .strictObject({ name: layoutFields.name.optional(), grid: wallGridSchema.optional(), cells: cellsSchema.optional() })
  .refine((v) => (v.grid === undefined) === (v.cells === undefined), { message: 'grid dan sel diubah bersama', path: ['cells'] })
  .refine(cellsMatchGrid, cellsMessage);

/** A tour rotates through saved layouts, each shown for `dwellSeconds`. */
export const wallTourSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  dwellSeconds: z.number().int(),
  layoutIds: z.array(z.uuid()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WallTour = z.infer<typeof wallTourSchema>;

export const wallTourInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  dwellSeconds: z.number().int().min(5).max(3600),
  layoutIds: z.array(z.uuid()).min(1).max(50),
});
export type WallTourInput = z.infer<typeof wallTourInputSchema>;
export const wallTourUpdateSchema = wallTourInputSchema.partial();
