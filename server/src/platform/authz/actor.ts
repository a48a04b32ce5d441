import type { Role } from '@pantau/shared';

/** Who is acting: a signed-in user, an integration token (with scopes), or the system itself. */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  userId: string | null;
  tenantId: string;
  role: Role;
  organizationId: string | null;
  /** Empty: the whole tenant. Otherwise the user sees only these regions and those below them. */
  regionCodes: string[];
  /** Token scopes; null for a session user, who has every action of the role. */
  scopes: string[] | null;
  label: string;
  ip: string | null;
}

/** The actor the server uses for its own work (seeding, retention): never from a request. */
export function systemActor(tenantId: string): Actor {
  return {
    kind: 'system',
    userId: null,
    tenantId,
    role: 'admin',
    organizationId: null,
    regionCodes: [],
    scopes: null,
    label: 'sistem',
    ip: null,
  };
}

/** Whether a region code lies within the actor's region scope (a region covers its descendants). */
export function inRegionScope(actor: Actor, regionCode: string): boolean {
  if (actor.regionCodes.length === 0) return true;
  return actor.regionCodes.some((r) => regionCode === r || regionCode.startsWith(r + '.'));
}
