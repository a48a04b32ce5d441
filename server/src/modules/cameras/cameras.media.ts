import type { Db } from '../../platform/db/database.ts';
import type { SecretBox } from '../../platform/crypto/secret-box.ts';
import { CamerasRepository } from './cameras.repository.ts';

/** A camera as the media pipeline needs it (credentials decrypted, in memory only). */
export interface CameraStreamSource {
  cameraId: string;
  mainUrl: string;
  subUrl: string | null;
  username: string | null;
  password: string | null;
}

export interface CameraHealth {
  cameraId: string;
  status: 'online' | 'offline' | 'error';
  reason: string | null;
  lastFrameAt: Date | null;
}

// last_frame_at is refreshed at most this often while a camera stays online
const REFRESH_MS = 60_000;

/** What the media host reads from and writes to the camera registry. System-level: no actor. */
export class CameraMediaService {
  private readonly repo = new CamerasRepository();
  private readonly written = new Map<string, { key: string; at: number }>();
  constructor(
    private readonly db: Db,
    private readonly secrets: SecretBox,
  ) {}

  changeStamp(): Promise<string> {
    return this.repo.changeStamp(this.db);
  }

  /**
   * Renews `node`'s lease and claims the cameras it should pull (see CamerasRepository.claimForNode);
   * returns their ids. Called every few seconds by each media process.
   */
  claim(node: string, capacity: number | null, leaseMs: number): Promise<string[]> {
    return this.db.transaction().execute(async (tx) => {
      await this.repo.heartbeatNode(tx, node, leaseMs, capacity);
      return this.repo.claimForNode(tx, node, capacity);
    });
  }

  async sourcesFor(ids: string[]): Promise<CameraStreamSource[]> {
    return this.decrypt(await this.repo.sourcesByIds(this.db, ids));
  }

  release(node: string): Promise<void> {
    return this.db.transaction().execute((tx) => this.repo.releaseNode(tx, node));
  }

  private decrypt(rows: { id: string; main_url: string; sub_url: string | null; credentials_enc: string | null }[]): CameraStreamSource[] {
    return rows.map((r) => {
      let creds: { username: string; password: string } | null = null;
      if (r.credentials_enc) {
        try {
          creds = JSON.parse(this.secrets.open(r.credentials_enc)) as { username: string; password: string };
        } catch {
          // a key change leaves old credentials unreadable; the camera will report unauthorized
        }
      }
      return { cameraId: r.id, mainUrl: r.main_url, subUrl: r.sub_url, username: creds?.username || null, password: creds?.password || null };
    });
  }

  /** Persists health when it changes, and at most once a minute otherwise. */
  async recordHealth(h: CameraHealth, nowMs: number): Promise<boolean> {
    const key = `${h.status}:${h.reason ?? ''}`;
    const prev = this.written.get(h.cameraId);
    if (prev && prev.key === key && nowMs - prev.at < REFRESH_MS) return false;
    this.written.set(h.cameraId, { key, at: nowMs });
    await this.repo.updateStatusById(this.db, h.cameraId, { status: h.status, reason: h.reason, lastFrameAt: h.lastFrameAt });
    return true;
  }
}
