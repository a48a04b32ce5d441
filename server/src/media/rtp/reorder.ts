/**
 * Sequence-number reordering for RTP over UDP and 32-bit timestamp unwrapping.
 *
 * Over TCP-interleaved transport packets never reorder; the buffer then passes each packet straight
 * through, so the same code path serves both transports.
 */

/** Counters kept by {@link ReorderBuffer}; all only grow. */
export interface ReorderStats {
  /** Packets never received: sequence numbers skipped when the buffer had to move on. */
  lost: number;
  /** Packets that arrived after their slot was released (or skipped). */
  late: number;
  /** Packets whose sequence number was already buffered. */
  duplicate: number;
  /** Times the stream was resynchronized after a run of packets far behind (sender restart). */
  resets: number;
}

/** Options for {@link ReorderBuffer}. */
export interface ReorderOptions {
  /** Most packets held while waiting for a missing one; defaults to 32. */
  capacity?: number;
}

interface Sequenced {
  readonly sequenceNumber: number;
}

/** Forward distance from `from` to `to` in 16-bit sequence space (0..65535). */
export function seqDistance(from: number, to: number): number {
  return (to - from) & 0xffff;
}

/**
 * Small reorder buffer keyed by 16-bit sequence number with wrap handling. `push` returns the
 * packets that can now be delivered in order. Memory is bounded by `capacity` packets: when the
 * buffer is full, the gap is declared lost and delivery resumes at the oldest buffered packet.
 */
export class ReorderBuffer<T extends Sequenced> {
  private readonly capacity: number;
  private readonly held = new Map<number, T>();
  private next: number | null = null;
  private lateRun = 0;
  readonly stats: ReorderStats = { lost: 0, late: 0, duplicate: 0, resets: 0 };

  constructor(options: ReorderOptions = {}) {
    this.capacity = Math.max(1, Math.floor(options.capacity ?? 32));
  }

  /** Number of packets currently held. */
  get size(): number {
    return this.held.size;
  }

  /** Adds a packet; returns packets released in sequence order (possibly none). */
  push(packet: T): T[] {
    const seq = packet.sequenceNumber & 0xffff;
    if (this.next === null) this.next = seq;
    const d = seqDistance(this.next, seq);
    if (d >= 0x8000) {
      this.stats.late++;
      // a long run of "late" packets means the sender restarted its sequence: follow it
      if (++this.lateRun <= this.capacity) return [];
      this.stats.resets++;
      const out = this.flush();
      this.next = seq;
      this.lateRun = 0;
      return [...out, ...this.accept(packet, seq)];
    }
    this.lateRun = 0;
    if (d === 0) return this.accept(packet, seq);
    if (this.held.has(seq)) {
      this.stats.duplicate++;
      return [];
    }
    this.held.set(seq, packet);
    if (this.held.size <= this.capacity) return [];
    return this.skipToOldest();
  }

  /** Releases every held packet in order, counting gaps as lost. */
  flush(): T[] {
    const out: T[] = [];
    while (this.held.size > 0) out.push(...this.skipToOldest());
    return out;
  }

  private accept(packet: T, seq: number): T[] {
    const out = [packet];
    this.next = (seq + 1) & 0xffff;
    return this.drain(out);
  }

  private drain(out: T[]): T[] {
    for (;;) {
      const n = this.next as number;
      const p = this.held.get(n);
      if (p === undefined) return out;
      this.held.delete(n);
      out.push(p);
      this.next = (n + 1) & 0xffff;
    }
  }

  private skipToOldest(): T[] {
    const next = this.next as number;
    let best = -1;
    let bestD = 0x10000;
    for (const s of this.held.keys()) {
      const d = seqDistance(next, s);
      if (d < bestD) {
        bestD = d;
        best = s;
      }
    }
    if (best < 0) return [];
    this.stats.lost += bestD;
    this.next = best;
    return this.drain([]);
  }
}

/**
 * Extends 32-bit RTP timestamps to a non-wrapping timeline (a JS number holds 2^53 exactly: at
 * 90 kHz that is over 3,000 years). The first timestamp maps to itself; each next one moves by the
 * signed 32-bit difference, so a wrap from 0xFFFFFFxx to 0x000000xx keeps counting upward, while
 * a small backward step (reordered or B-frame timestamps) stays a small backward step.
 */
export class TimestampUnwrapper {
  private last: number | null = null;
  private extended = 0;

  /** Maps a 32-bit timestamp to the extended timeline. */
  unwrap(timestamp: number): number {
    const ts = timestamp >>> 0;
    if (this.last === null) {
      this.extended = ts;
    } else {
      this.extended += (ts - this.last) | 0;
    }
    this.last = ts;
    return this.extended;
  }
}
