import { WALL_GRIDS, type LiveStream, type WallGrid, type WallLayout } from '@pantau/shared';

export type Cells = (string | null)[];

/** What the wall shows now: a grid, one camera id (or null) per cell row by row, the selected cell. */
export interface WallState {
  grid: WallGrid;
  cells: Cells;
  selected: number;
  /** The saved layout this wall came from; null for an unsaved wall. */
  layoutId: string | null;
  /** Changed since loaded or saved. */
  dirty: boolean;
}

export type WallAction =
  | { type: 'grid'; grid: WallGrid }
  | { type: 'assign'; cell: number; cameraId: string }
  | { type: 'clear'; cell: number }
  | { type: 'move'; from: number; to: number }
  | { type: 'select'; cell: number }
  | { type: 'load'; layout: WallLayout }
  | { type: 'saved'; layout: WallLayout }
  /** The saved layout was deleted: the cells stay, unsaved. */
  | { type: 'forget' }
  | { type: 'new' };

export const DEFAULT_GRID: WallGrid = 2;

export function isWallGrid(n: number): n is WallGrid {
  return (WALL_GRIDS as readonly number[]).includes(n);
}

export function emptyCells(grid: number): Cells {
  return Array.from({ length: grid * grid }, () => null);
}

export function initialWall(): WallState {
  return { grid: DEFAULT_GRID, cells: emptyCells(DEFAULT_GRID), selected: 0, layoutId: null, dirty: false };
}

/**
 * Cells of a wall of another size. Cameras keep their row and column where those still exist; the
 * ones that fall outside move to the first free cells in reading order, and drop only when full.
 */
export function resizeCells(cells: Cells, from: number, to: number): Cells {
  const out = emptyCells(to);
  const overflow: string[] = [];
  cells.forEach((id, i) => {
    if (!id) return;
    const row = Math.floor(i / from);
    const col = i % from;
    if (row < to && col < to) out[row * to + col] = id;
    else overflow.push(id);
  });
  for (const id of overflow) {
    const free = out.indexOf(null);
    if (free < 0) break;
    out[free] = id;
  }
  return out;
}

/** A saved layout's cells, made to fit its grid whatever the stored length. */
export function layoutCells(layout: Pick<WallLayout, 'grid' | 'cells'>): Cells {
  const n = layout.grid * layout.grid;
  return Array.from({ length: n }, (_, i) => layout.cells[i] ?? null);
}

/** The next empty cell after `after` (wrapping), or `after` itself when the wall is full. */
export function nextEmpty(cells: Cells, after: number): number {
  for (let k = 1; k <= cells.length; k++) {
    const i = (after + k) % cells.length;
    if (cells[i] === null) return i;
  }
  return after;
}

/** Grids get the light sub stream; a single view deserves the main stream. */
export function streamFor(grid: number): LiveStream {
  return grid === 1 ? 'main' : 'sub';
}

export function wallReducer(s: WallState, a: WallAction): WallState {
  switch (a.type) {
    case 'grid':
      if (a.grid === s.grid) return s;
      return { ...s, grid: a.grid, cells: resizeCells(s.cells, s.grid, a.grid), selected: Math.min(s.selected, a.grid * a.grid - 1), dirty: true };
    case 'assign': {
      if (a.cell < 0 || a.cell >= s.cells.length) return s;
      const cells = s.cells.slice();
      cells[a.cell] = a.cameraId;
      // the next click in the camera list fills the next empty cell
      return { ...s, cells, selected: nextEmpty(cells, a.cell), dirty: true };
    }
    case 'clear': {
      const cells = s.cells.slice();
      cells[a.cell] = null;
      return { ...s, cells, selected: a.cell, dirty: true };
    }
    case 'move': {
      if (a.from === a.to) return s;
      const cells = s.cells.slice();
      [cells[a.from], cells[a.to]] = [cells[a.to] ?? null, cells[a.from] ?? null];
      return { ...s, cells, selected: a.to, dirty: true };
    }
    case 'select':
      return a.cell >= 0 && a.cell < s.cells.length ? { ...s, selected: a.cell } : s;
    case 'load': {
      const grid = isWallGrid(a.layout.grid) ? a.layout.grid : DEFAULT_GRID;
      return { grid, cells: layoutCells({ grid, cells: a.layout.cells }), selected: 0, layoutId: a.layout.id, dirty: false };
    }
    case 'saved':
      return { ...s, layoutId: a.layout.id, dirty: false };
    case 'forget':
      return { ...s, layoutId: null, dirty: true };
    case 'new':
      return initialWall();
  }
}
