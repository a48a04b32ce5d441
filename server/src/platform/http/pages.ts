import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The three built web pages: the operator console, the public portal and the Smart Display kiosk. */
export type PageEntry = 'console' | 'portal' | 'display';

const FILES: Record<PageEntry, string> = { console: 'index.html', portal: 'portal.html', display: 'display.html' };

// the portal owns the site's root: citizens arrive at `/`; operators at /login and the console paths
const PORTAL = /^\/(?:kamera\/[^/]+|lapor|lacak(?:\/[^/]*)?|statistik)?\/?$/;
const DISPLAY = /^\/layar(?:\/.*)?$/;

/** Which page serves a client-side route; pure, so the table is tested directly. */
export function pageFor(path: string): PageEntry {
  if (PORTAL.test(path)) return 'portal';
  if (DISPLAY.test(path)) return 'display';
  return 'console';
}

/** Extra `<head>` markup for a page (title, description, Open Graph); null keeps the default. */
export type HeadRenderer = (entry: PageEntry, path: string, query: Record<string, string>) => Promise<string | null>;

export const HEAD_MARKER = '<!--pantau:head-->';

/** Reads built pages once and fills the head marker per request. */
export class Pages {
  private readonly cache = new Map<PageEntry, string>();

  constructor(
    private readonly webDist: string,
    private readonly head: HeadRenderer | null,
  ) {}

  async render(path: string, query: Record<string, string>): Promise<{ entry: PageEntry; html: string }> {
    const entry = pageFor(path);
    let html = this.cache.get(entry);
    if (html === undefined) {
      html = await readFile(join(this.webDist, FILES[entry]), 'utf8');
      this.cache.set(entry, html);
    }
    if (!html.includes(HEAD_MARKER)) return { entry, html };
    const head = (this.head ? await this.head(entry, path, query) : null) ?? '<title>Pantau</title>';
    return { entry, html: html.replace(HEAD_MARKER, head) };
  }
}
