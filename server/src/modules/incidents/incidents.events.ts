import type { IncidentLiveEvent } from '@pantau/shared';
import type { Actor } from '../../platform/authz/actor.ts';
import { inRegionScope } from '../../platform/authz/actor.ts';
import type { Policy } from '../../platform/authz/policy.ts';

/** A change worth pushing to open consoles, with who may hear of it. */
export interface IncidentBroadcast {
  message: IncidentLiveEvent;
  visibleTo(actor: Actor): boolean;
}

/**
 * In-process fan-out of incident changes to the live socket. Emitted after the transaction
 * commits. A change made by another process (a separate worker) reaches consoles on their next
 * refetch (the board also polls slowly).
 */
export class IncidentEvents {
  private readonly listeners = new Set<(b: IncidentBroadcast) => void>();
  constructor(private readonly policy: Policy) {}

  on(l: (b: IncidentBroadcast) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  emit(e: { incidentId: string; status: IncidentLiveEvent['status']; priority: IncidentLiveEvent['priority']; change: string; regionCode: string | null; organizationIds: string[] }): void {
    const message: IncidentLiveEvent = { type: 'incident', incidentId: e.incidentId, status: e.status, priority: e.priority, change: e.change };
    const policy = this.policy;
    const broadcast: IncidentBroadcast = {
      message,
      visibleTo(actor) {
        if (!policy.can(actor, 'incident.read')) return false;
        if (e.regionCode ? !inRegionScope(actor, e.regionCode) : actor.regionCodes.length > 0) return false;
        if (actor.role === 'agency_officer') return !!actor.organizationId && e.organizationIds.includes(actor.organizationId);
        return true;
      },
    };
    for (const l of this.listeners) l(broadcast);
  }
}
