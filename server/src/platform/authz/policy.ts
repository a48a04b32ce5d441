import type { Role } from '@pantau/shared';
import { ROLES } from '@pantau/shared';
import type { Actor } from './actor.ts';
import { forbidden } from '../http/errors.ts';

/** action → roles allowed. Each module declares its own table; they are merged into one policy. */
export type PolicyTable = Record<string, readonly Role[]>;

/** token scope → actions it unlocks (still only within the owner's role). */
export type ScopeTable = Record<string, readonly string[]>;

export class Policy {
  private readonly table = new Map<string, Set<Role>>();
  private readonly scopes = new Map<string, Set<string>>();

  constructor(tables: PolicyTable[], scopeTables: ScopeTable[] = []) {
    for (const t of tables) {
      for (const [action, roles] of Object.entries(t)) {
        if (this.table.has(action)) throw new Error(`policy action declared twice: ${action}`);
        this.table.set(action, new Set(roles));
      }
    }
    for (const s of scopeTables) {
      for (const [scope, actions] of Object.entries(s)) {
        for (const a of actions) {
          if (!this.table.has(a)) throw new Error(`scope ${scope} names unknown action ${a}`);
          const set = this.scopes.get(a) ?? new Set<string>();
          set.add(scope);
          this.scopes.set(a, set);
        }
      }
    }
  }

  can(actor: Actor, action: string): boolean {
    const roles = this.table.get(action);
    if (!roles) throw new Error(`unknown policy action: ${action}`);
    if (!roles.has(actor.role)) return false;
    if (actor.scopes === null) return true;
    const needed = this.scopes.get(action);
    return !!needed && actor.scopes.some((s) => needed.has(s));
  }

  /** Throws `forbidden` unless the actor may perform the action: the first line of every service method. */
  authorize(actor: Actor, action: string): void {
    if (!this.can(actor, action)) throw forbidden();
  }

  /** Every action the actor may perform, for the console to hide what would be refused. */
  permissionsOf(actor: Actor): string[] {
    return [...this.table.keys()].filter((a) => this.can(actor, a)).sort();
  }

  /** The whole table, role by role, for docs and tests. */
  matrix(): Record<string, Record<Role, boolean>> {
    const out: Record<string, Record<Role, boolean>> = {};
    for (const [action, roles] of this.table) {
      out[action] = Object.fromEntries(ROLES.map((r) => [r, roles.has(r)])) as Record<Role, boolean>;
    }
    return out;
  }
}
