import type { HlsPackager, HlsPackagers } from '../../media/index.ts';
import { parseHlsFile } from '../../media/index.ts';
import { DomainError, badRequest } from '../../platform/http/errors.ts';

/** One media file of a packager window. */
export interface HlsMedia {
  kind: 'init' | 'segment' | 'part';
  bytes: Uint8Array;
}

// the same words for every miss: they must not tell an internal camera from a missing one
export const HLS_NOT_FOUND = 'Siaran tidak ditemukan';
const NOT_LIVE = 'Kamera sedang tidak menayangkan siaran langsung';

/**
 * Live HLS for the portal and displays: playlists (blocking reload per LL-HLS) and media files
 * from the packagers. Access is decided before any call here, by the routes' injected rule.
 */
export class HlsService {
  private readonly blockMs: number;

  constructor(private readonly packagers: HlsPackagers | null, opts: { blockMs?: number } = {}) {
    this.blockMs = opts.blockMs ?? 12_000;
  }

  /** The playlist; with `msn` (and `part`) it is held until that segment (part) exists. */
  async playlist(cameraId: string, q: { msn?: number; part?: number }): Promise<string> {
    const pkg = this.packager(cameraId);
    if (q.msn === undefined && q.part !== undefined) throw badRequest('_HLS_part memerlukan _HLS_msn');
    if (q.msn !== undefined) {
      if (pkg.tooFarAhead(q.msn)) throw badRequest('_HLS_msn terlalu jauh di depan siaran');
      // RFC 8216bis: a blocked request waits at most three target durations
      await pkg.waitFor(q.msn, q.part ?? null, Math.min(this.blockMs, pkg.targetDurationS * 3000));
    } else {
      await pkg.waitForFirstSegment(this.blockMs);
    }
    const text = pkg.state === 'offline' ? null : pkg.playlist(`${pkg.generation}/`);
    if (!text) throw new DomainError('unavailable', NOT_LIVE);
    return text;
  }

  /** An init segment, segment or part; a part announced by the preload hint is awaited. */
  async media(cameraId: string, generation: string, file: string): Promise<HlsMedia> {
    const name = parseHlsFile(file);
    const pkg = this.packagers?.peek(cameraId);
    if (!name || !pkg || pkg.generation !== generation) throw new DomainError('not_found', HLS_NOT_FOUND);
    let bytes: Uint8Array | null = null;
    if (name.kind === 'init') bytes = pkg.initSegment(name.id);
    else if (name.kind === 'segment') bytes = pkg.segment(name.msn);
    else {
      bytes = pkg.part(name.msn, name.part);
      if (!bytes && pkg.partPending(name.msn, name.part) && !pkg.tooFarAhead(name.msn)) {
        await pkg.waitFor(name.msn, name.part, Math.min(this.blockMs, pkg.targetDurationS * 3000));
        bytes = pkg.part(name.msn, name.part);
      }
    }
    if (!bytes) throw new DomainError('not_found', HLS_NOT_FOUND);
    return { kind: name.kind, bytes };
  }

  /** Packagers held and their bytes, for metrics. */
  stats(): { packagers: number; bytes: number } {
    return this.packagers?.stats() ?? { packagers: 0, bytes: 0 };
  }

  close(): void {
    this.packagers?.close();
  }

  private packager(cameraId: string): HlsPackager {
    if (!this.packagers) throw new DomainError('unavailable', 'Siaran langsung tidak tersedia di server ini');
    const pkg = this.packagers.acquire(cameraId);
    if (!pkg) throw new DomainError('unavailable', NOT_LIVE);
    return pkg;
  }
}
