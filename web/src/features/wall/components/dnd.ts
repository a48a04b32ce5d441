import type { DragEvent } from 'react';

/** Drag-and-drop payloads of the wall: a camera from the list, or a cell moved onto another. */
export const CAMERA_MIME = 'application/x-pantau-camera';
export const CELL_MIME = 'application/x-pantau-cell';

export function startCameraDrag(e: DragEvent, cameraId: string): void {
  e.dataTransfer.setData(CAMERA_MIME, cameraId);
  e.dataTransfer.setData('text/plain', cameraId);
  e.dataTransfer.effectAllowed = 'copyMove';
}

export function startCellDrag(e: DragEvent, cell: number): void {
  e.dataTransfer.setData(CELL_MIME, String(cell));
  e.dataTransfer.effectAllowed = 'move';
}

/** Whether a drag carries something a cell accepts (types are readable during dragover, data is not). */
export function acceptsDrag(e: DragEvent): boolean {
  const types = e.dataTransfer.types;
  return types.includes(CAMERA_MIME) || types.includes(CELL_MIME);
}

export type Dropped = { kind: 'camera'; cameraId: string } | { kind: 'cell'; cell: number } | null;

export function readDrop(e: DragEvent): Dropped {
  const cameraId = e.dataTransfer.getData(CAMERA_MIME);
  if (cameraId) return { kind: 'camera', cameraId };
  const cell = e.dataTransfer.getData(CELL_MIME);
  return cell !== '' && Number.isInteger(Number(cell)) ? { kind: 'cell', cell: Number(cell) } : null;
}
