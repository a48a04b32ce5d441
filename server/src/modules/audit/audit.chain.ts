import { sha256Hex } from '../../platform/crypto/tokens.ts';

/** The hash the first row of the chain points back to. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  tenantId: string | null;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** JSON with object keys sorted at every depth, so the same value always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** hash = sha256(prev_hash ‖ canonical row): changing, removing or reordering any row breaks every later hash. */
export function chainHash(prevHash: string, f: ChainedFields): string {
  return sha256Hex(
    prevHash +
      canonicalJson({
        tenantId: f.tenantId,
        at: f.at.toISOString(),
        actorId: f.actorId,
        actorLabel: f.actorLabel,
        action: f.action,
        targetType: f.targetType,
        targetId: f.targetId,
        ip: f.ip,
        details: f.details,
      }),
  );
}
