import type { Role } from '@pantau/shared';
import type { Actor } from '../../platform/authz/actor.ts';
import type { UserRow } from './users.repository.ts';

export function actorFromUser(u: Pick<UserRow, 'id' | 'tenant_id' | 'role' | 'organization_id' | 'region_codes' | 'username' | 'display_name'>, ip: string | null, scopes: string[] | null = null): Actor {
  return {
    kind: scopes ? 'token' : 'user',
    userId: u.id,
    tenantId: u.tenant_id,
    role: u.role as Role,
    organizationId: u.organization_id,
    regionCodes: u.region_codes,
    scopes,
    label: u.username,
    ip,
  };
}
