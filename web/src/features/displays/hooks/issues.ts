import { translateIssue, type RawIssue } from '../../../lib/validation.ts';

/**
 * Messages keyed by the full issue path without the request part ("tiles.1.cameraIds",
 * "items.0.from"), so a list editor can put each one beside the row and field it belongs to.
 */
export function issuesByPath(issues: unknown, localized = false): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(issues)) return out;
  for (const issue of issues) {
    if (typeof issue !== 'object' || issue === null) continue;
    const raw = (issue as { path?: unknown }).path;
    const parts = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' && raw ? raw.split('.') : [];
    if (parts[0] === 'body') parts.shift();
    const key = parts.join('.') || '_form';
    out[key] ??= translateIssue(issue as RawIssue, localized);
  }
  return out;
}

/** The first message at or below `prefix` ("tiles.2" catches "tiles.2.cameraIds.0"). */
export function errorUnder(errors: Record<string, string>, prefix: string): string | undefined {
  if (errors[prefix]) return errors[prefix];
  const k = Object.keys(errors).find((e) => e.startsWith(`${prefix}.`));
  return k ? errors[k] : undefined;
}
