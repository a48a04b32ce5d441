/** A change that concerns connected kiosks: some displays of a tenant, or all of them (null). */
export interface DisplayChange {
  tenantId: string;
  displayIds: string[] | null;
  /** The displays were revoked: their sockets get `revoked` and close. */
  revoked?: boolean;
}

/**
 * In-process presence and change fan-out for display sockets. Emitted after the transaction
 * commits. Only the API process holding a kiosk's WebSocket hears it: several API processes would
 * need LISTEN/NOTIFY between them (not built; see docs/architecture.md).
 */
export class DisplayHub {
  private readonly listeners = new Set<(c: DisplayChange) => void>();
  private readonly sockets = new Map<string, number>();

  on(l: (c: DisplayChange) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  emit(c: DisplayChange): void {
    for (const l of this.listeners) l(c);
  }

  /** A kiosk socket opened; returns its release. */
  connected(displayId: string): () => void {
    this.sockets.set(displayId, (this.sockets.get(displayId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const n = (this.sockets.get(displayId) ?? 1) - 1;
      if (n <= 0) this.sockets.delete(displayId);
      else this.sockets.set(displayId, n);
    };
  }

  isOnline(displayId: string): boolean {
    return this.sockets.has(displayId);
  }
}
