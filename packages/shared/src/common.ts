import { z } from 'zod';

export const uuidSchema = z.uuid();
/** Kemendagri region code with dots: 62, 62.71, 62.71.03, 62.71.03.1001. */
export const regionCodeSchema = z.string().regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'kode wilayah Kemendagri tidak valid');

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const isoDateTime = z.string();
