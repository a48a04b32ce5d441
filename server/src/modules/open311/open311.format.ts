import { XMLBuilder } from 'fast-xml-parser';
import type { Open311Error, Open311Format, Open311Update } from '@pantau/shared';

const builder = new XMLBuilder({ format: true, ignoreAttributes: false, suppressEmptyNode: false, suppressBooleanAttributes: false });

type Scalar = string | number | boolean | null;
type Node = Scalar | Node[] | { [k: string]: Node };

/** Nulls become empty elements; nested arrays become repeated child elements named by `childTag`. */
function xmlValue(v: Node, childTag: (key: string) => string, key: string): unknown {
  if (v === null) return '';
  if (Array.isArray(v)) return { [childTag(key)]: v.map((x) => xmlValue(x, childTag, childTag(key))) };
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, xmlValue(x, childTag, k)]));
  return v;
}

/** Child element names of the spec's XML lists (attributes → attribute, values → value, formats → format …). */
const CHILD: Record<string, string> = { attributes: 'attribute', values: 'value', endpoints: 'endpoint', formats: 'format' };
const childTag = (k: string) => CHILD[k] ?? 'item';

/** The XML document for a list: `<root><item>…</item>…</root>`, or a single object under root. */
export function toXml(root: string, itemTag: string | null, data: Node): string {
  const body = itemTag ? { [itemTag]: (data as Node[]).map((x) => xmlValue(x, childTag, itemTag)) } : xmlValue(data, childTag, root);
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' }, [root]: body }) as string;
}

/** Serializes as the format asks; JSON and XML carry the same fields. */
export function render(format: Open311Format, root: string, itemTag: string | null, data: Node): { type: string; body: string } {
  return format === 'json' ? { type: 'application/json; charset=utf-8', body: JSON.stringify(data) } : { type: 'text/xml; charset=utf-8', body: toXml(root, itemTag, data) };
}

export function renderErrors(format: Open311Format, errors: Open311Error[]) {
  return render(format, 'errors', 'error', errors);
}

const WIB_MS = 7 * 3600_000;
/** W3C datetime with the command center's offset (+07:00), no fractions: every datetime carries a zone. */
export function w3c(d: Date): string {
  return new Date(d.getTime() + WIB_MS).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

/** Parses a W3C datetime that names its zone (Z or ±hh:mm); anything else is null. */
export function parseW3c(s: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

export const OPEN_STATUSES = ['received', 'verified', 'dispatched', 'in_progress', 'on_hold'];
export const open311Status = (s: string): 'open' | 'closed' => (OPEN_STATUSES.includes(s) ? 'open' : 'closed');

/** Our lifecycle in mySociety's update statuses. */
export function updateStatus(to: string, kind: string): Open311Update['status'] {
  if (kind === 'reopened') return 'OPEN';
  const map: Record<string, Open311Update['status']> = {
    received: 'OPEN', verified: 'INVESTIGATING', dispatched: 'ACTION_SCHEDULED', in_progress: 'IN_PROGRESS', on_hold: 'ACTION_SCHEDULED',
    resolved: 'FIXED', closed: 'CLOSED', rejected: 'NO_FURTHER_ACTION', merged: 'DUPLICATE',
  };
  return map[to] ?? 'OPEN';
}

/** `attribute[code]=value` form fields (and `attribute[code][]` for lists) collected by code. */
export function collectAttributes(body: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(k);
    if (!m) continue;
    out[m[1]!] = [...(out[m[1]!] ?? []), ...(Array.isArray(v) ? v.map(String) : [String(v)])];
  }
  return out;
}
