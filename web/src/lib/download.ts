import { CAMERA_CSV_COLUMNS } from '@pantau/shared';

/** Saves what a URL (object or data URL) holds as a file. */
export function downloadHref(filename: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Saves generated text as a file without a server round trip. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloadHref(filename, url);
  // Give the browser a moment to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The import template is just the header line, built from the shared column list. */
export function downloadCameraTemplate(): void {
  downloadText('templat-kamera.csv', `${CAMERA_CSV_COLUMNS.join(',')}\n`, 'text/csv;charset=utf-8');
}
