/**
 * The one clock every tile of the playback grid follows. It runs on the wall clock (scaled by the
 * speed), not on any video, so a slow camera cannot drag the others along; while a tile is still
 * loading after a seek the clock holds (`stall`), so the others do not run ahead and force it to
 * seek again and again.
 */

export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;
export type Speed = (typeof SPEEDS)[number];

/** A tile that keeps loading longer than this stops holding the others back. */
export const STALL_GIVE_UP_MS = 5000;
/** The stall key of `hold`: waiting at the live edge does not give up. */
const EDGE = '\u0000edge';

export interface ClockState {
  playing: boolean;
  rate: Speed;
}

type Listener = () => void;

export class MasterClock {
  private anchorT: number;
  private anchorWall: number;
  private playingNow = false;
  private rateNow: Speed = 1;
  private stalls = new Map<string, number>();
  /** Tiles that stalled too long: ignored until they report being ready again. */
  private gaveUp = new Set<string>();
  private listeners = new Set<Listener>();
  private snapshot: ClockState = { playing: false, rate: 1 };

  constructor(
    start: number,
    private readonly wall: () => number = () => performance.now(),
  ) {
    this.anchorT = start;
    this.anchorWall = wall();
  }

  /** The instant the grid presents now (epoch ms). */
  now(): number {
    if (!this.playingNow || this.isStalled()) return this.anchorT;
    return this.anchorT + (this.wall() - this.anchorWall) * this.rateNow;
  }

  get playing(): boolean {
    return this.playingNow;
  }

  /** Playing and not held back by a stall: tiles play their video only then. */
  get advancing(): boolean {
    return this.playingNow && !this.isStalled();
  }

  get rate(): Speed {
    return this.rateNow;
  }

  /** For useSyncExternalStore: changes only on play/pause/speed, not every frame. */
  state = (): ClockState => this.snapshot;

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  seek(t: number): void {
    this.anchorT = t;
    this.anchorWall = this.wall();
    this.emit();
  }

  play(): void {
    if (this.playingNow) return;
    this.rebase();
    this.playingNow = true;
    this.emit();
  }

  pause(): void {
    if (!this.playingNow) return;
    this.rebase();
    this.playingNow = false;
    this.emit();
  }

  toggle(): void {
    if (this.playingNow) this.pause();
    else this.play();
  }

  setRate(rate: Speed): void {
    this.rebase();
    this.rateNow = rate;
    this.emit();
  }

  /** A tile reports that it cannot present the clock's instant yet (loading, seeking) or can again. */
  stall(tile: string, stalled: boolean): void {
    const was = this.isStalled();
    if (stalled && !this.stalls.has(tile) && !this.gaveUp.has(tile)) this.stalls.set(tile, this.wall());
    if (!stalled) {
      this.stalls.delete(tile);
      this.gaveUp.delete(tile);
    }
    const is = this.isStalled();
    if (was === is) return;
    // Freeze at the stalled instant, or restart from it, so no time is skipped across a stall.
    if (is) {
      this.anchorT = this.anchorT + (this.playingNow ? (this.wall() - this.anchorWall) * this.rateNow : 0);
    }
    this.anchorWall = this.wall();
  }

  /** Holds the clock where it is (at the end of what is recorded so far) until released. */
  hold(on: boolean): void {
    this.stall(EDGE, on);
  }

  get held(): boolean {
    return this.stalls.has(EDGE);
  }

  private isStalled(): boolean {
    if (this.stalls.size === 0) return false;
    const now = this.wall();
    let lastGiveUp = -Infinity;
    for (const [tile, since] of this.stalls) {
      if (tile === EDGE || now - since < STALL_GIVE_UP_MS) continue;
      this.stalls.delete(tile);
      this.gaveUp.add(tile);
      lastGiveUp = Math.max(lastGiveUp, since + STALL_GIVE_UP_MS);
    }
    if (this.stalls.size > 0) return true;
    // The last stall just expired: restart from the moment it gave up, not from when it began.
    if (lastGiveUp > this.anchorWall) this.anchorWall = lastGiveUp;
    return false;
  }

  private rebase(): void {
    this.anchorT = this.now();
    this.anchorWall = this.wall();
  }

  private emit(): void {
    this.snapshot = { playing: this.playingNow, rate: this.rateNow };
    for (const l of this.listeners) l();
  }
}
