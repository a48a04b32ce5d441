import type { CameraMarker } from '@pantau/shared';
import { streamFor, type Cells } from '../hooks/wallModel.ts';
import { WallCell } from './WallCell.tsx';

interface Props {
  grid: number;
  cells: Cells;
  selected: number;
  cameras: Map<string, CameraMarker>;
  onSelect: (cell: number) => void;
  onAssign: (cell: number, cameraId: string) => void;
  onMove: (from: number, to: number) => void;
  onClear: (cell: number) => void;
  onOpenDetail: (cameraId: string) => void;
  onFocus: (cell: number) => void;
}

/**
 * Keys follow the camera, not the cell, so resizing the grid moves a player instead of replacing
 * it (its channel stays subscribed); the same camera twice gets #2, #3….
 */
function cellKeys(cells: Cells): string[] {
  const seen = new Map<string, number>();
  return cells.map((id, i) => {
    if (!id) return `empty-${i}`;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return `${id}#${n}`;
  });
}

/** The wall's grid of cells (1×1 … 6×6). */
export function WallGrid({ grid, cells, selected, cameras, onSelect, onAssign, onMove, onClear, onOpenDetail, onFocus }: Props) {
  const keys = cellKeys(cells);
  const stream = streamFor(grid);
  return (
    <div className="wall-grid" style={{ gridTemplateColumns: `repeat(${grid}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${grid}, minmax(0, 1fr))` }} data-testid="wall-grid" data-grid={grid}>
      {cells.map((id, i) => (
        <WallCell
          key={keys[i]}
          index={i}
          cameraId={id}
          camera={id ? cameras.get(id) : undefined}
          stream={stream}
          selected={i === selected}
          onSelect={() => onSelect(i)}
          onAssign={(cameraId) => onAssign(i, cameraId)}
          onMoveFrom={(from) => onMove(from, i)}
          onClear={() => onClear(i)}
          onOpenDetail={() => id && onOpenDetail(id)}
          onFocus={() => onFocus(i)}
        />
      ))}
    </div>
  );
}
