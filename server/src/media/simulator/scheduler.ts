/**
 * One hashed timer wheel for every playing stream of the simulator: a single interval timer
 * wakes every `slotMs` and runs only the tasks whose slot came due, so 200 cameras at 25 fps
 * cost 100 wake-ups a second instead of 5,000 timers. Time comes from `performance.now()`.
 */

/** Something run at a due time; returns its next due time, or null to leave the wheel. */
export interface WheelTask {
  run(now: number): number | null;
}

/** Wheel settings. */
export interface WheelOptions {
  /** Slot width and timer period, ms; default 5. */
  slotMs?: number;
  /** Number of slots; a task due further than slots × slotMs ahead waits extra turns. Default 1024. */
  slots?: number;
  /** Clock, ms; default performance.now. */
  now?: () => number;
  /** Start the interval timer automatically; false in unit tests that call {@link TimerWheel.tick}. */
  autoStart?: boolean;
}

interface Entry {
  due: number;
  bucket: number;
}

/** The timer wheel. */
export class TimerWheel {
  private readonly slotMs: number;
  private readonly buckets: Set<WheelTask>[];
  private readonly entries = new Map<WheelTask, Entry>();
  private readonly clock: () => number;
  private readonly autoStart: boolean;
  private timer: NodeJS.Timeout | null = null;
  private lastSlot: number;
  private running = false;

  constructor(opts: WheelOptions = {}) {
    this.slotMs = opts.slotMs ?? 5;
    this.buckets = Array.from({ length: opts.slots ?? 1024 }, () => new Set<WheelTask>());
    this.clock = opts.now ?? (() => performance.now());
    this.autoStart = opts.autoStart ?? true;
    this.lastSlot = Math.floor(this.clock() / this.slotMs);
  }

  /** Tasks on the wheel. */
  get size(): number {
    return this.entries.size;
  }

  /** Current time of the wheel's clock. */
  now(): number {
    return this.clock();
  }

  /** Puts (or moves) a task at `due`. */
  schedule(task: WheelTask, due: number): void {
    this.cancel(task);
    // never behind the slot being processed, or it would wait a whole turn
    const slot = Math.max(Math.floor(due / this.slotMs), this.running ? this.lastSlot + 1 : this.lastSlot);
    const bucket = slot % this.buckets.length;
    (this.buckets[bucket] as Set<WheelTask>).add(task);
    this.entries.set(task, { due, bucket });
    if (this.autoStart && this.timer === null) {
      this.timer = setInterval(() => this.tick(this.clock()), this.slotMs);
      this.timer.unref();
    }
  }

  /** Removes a task; harmless when it is not on the wheel. */
  cancel(task: WheelTask): void {
    const e = this.entries.get(task);
    if (e === undefined) return;
    this.buckets[e.bucket]?.delete(task);
    this.entries.delete(task);
    if (this.entries.size === 0) this.stopTimer();
  }

  /** Runs every task due at `now`; a task throwing is removed and the error rethrown after. */
  tick(now: number): void {
    const target = Math.floor(now / this.slotMs);
    const n = this.buckets.length;
    const from = target - this.lastSlot >= n ? target - n + 1 : this.lastSlot;
    let failure: unknown = null;
    this.running = true;
    this.lastSlot = target;
    try {
      for (let s = from; s <= target; s++) {
        const bucket = this.buckets[s % n] as Set<WheelTask>;
        if (bucket.size === 0) continue;
        // a snapshot: tasks rescheduled during this pass must not run twice in it
        for (const task of [...bucket]) {
          const e = this.entries.get(task);
          if (e === undefined || e.due > now) continue;
          bucket.delete(task);
          this.entries.delete(task);
          let next: number | null = null;
          try {
            next = task.run(now);
          } catch (err) {
            failure ??= err;
          }
          if (next !== null && !this.entries.has(task)) this.schedule(task, next);
        }
      }
    } finally {
      this.running = false;
    }
    if (this.entries.size === 0) this.stopTimer();
    if (failure !== null) throw failure;
  }

  /** Stops the timer and forgets every task. */
  clear(): void {
    for (const b of this.buckets) b.clear();
    this.entries.clear();
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
