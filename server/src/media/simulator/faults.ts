/**
 * Fault injection for simulated cameras: the misbehaviours real cameras show, so ingest, the
 * recorder and live view can be tested against them. Faults are written as `kind` or
 * `kind=value` (in config, on the command line and in a path query `?fault=stall=2`) and parsed
 * into one {@link FaultSet} per stream. Pure.
 */

/** Fault kinds and what each does, seen from a client. */
export const FAULT_KINDS = {
  /** `disconnect[=seconds]`: the server closes the connection this long after PLAY (default 10 s). */
  'disconnect': 'close the connection every N seconds',
  /** `stall[=seconds]`: media stops after this long (default 2 s); RTSP keeps answering. */
  'stall': 'stop sending media but keep the connection',
  /** `garbage[=probability]`: per frame, junk bytes or an RTP packet with a random payload (default 0.1). */
  'garbage': 'random bytes in the interleaved stream and random RTP payloads',
  /** SPS/PPS only in the SDP: stripped from the stream. */
  'sps-sdp-only': 'parameter sets only in SDP sprop-parameter-sets',
  /** SPS/PPS only in-band: no sprop-parameter-sets in the SDP. */
  'sps-inband-only': 'parameter sets only in-band before each IDR',
  /** No SPS/PPS in SDP, and the stream starts mid-GOP: nothing decodes until the first IDR. */
  'no-sps': 'no parameter sets until the first IDR',
  /** Four slices per picture (a different fixture). */
  'multi-slice': 'several slices per picture',
  /** `flood[=factor]`: frames sent this many times faster than real time (default 10). */
  'flood': 'send far faster than real time',
  /** `auth[=basic|digest|any]`: credentials required (default digest). */
  'auth': 'require a user name and password',
} as const;

/** A fault kind. */
export type FaultKind = keyof typeof FAULT_KINDS;

/** Where SPS/PPS appear. */
export type ParameterSetMode = 'both' | 'sdp-only' | 'inband-only' | 'late';

/** Which authentication schemes a camera offers. */
export type AuthScheme = 'basic' | 'digest' | 'any';

/** Every fault of one stream, resolved to values. */
export interface FaultSet {
  readonly disconnectAfterMs: number | null;
  readonly stallAfterMs: number | null;
  /** Probability per frame of injecting garbage, 0 for none. */
  readonly garbageRate: number;
  readonly parameterSets: ParameterSetMode;
  readonly multiSlice: boolean;
  /** Speed-up over real time; 1 is real time. */
  readonly floodFactor: number;
  readonly auth: AuthScheme | null;
}

/** No faults: a well-behaved camera. */
export const NO_FAULTS: FaultSet = {
  disconnectAfterMs: null,
  stallAfterMs: null,
  garbageRate: 0,
  parameterSets: 'both',
  multiSlice: false,
  floodFactor: 1,
  auth: null,
};

/** Why a fault spec was refused. */
export interface FaultError {
  readonly spec: string;
  readonly reason: 'unknown-kind' | 'bad-value';
}

function seconds(value: string | undefined, fallback: number, spec: string): number | FaultError {
  if (value === undefined || value === '') return fallback * 1000;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 && n <= 86400 ? Math.round(n * 1000) : { spec, reason: 'bad-value' };
}

const isError = (x: unknown): x is FaultError => typeof x === 'object' && x !== null && 'reason' in x;

/** Applies one spec (`kind` or `kind=value`) on top of `base`. */
export function applyFault(base: FaultSet, spec: string): { ok: true; faults: FaultSet } | { ok: false; error: FaultError } {
  const trimmed = spec.trim();
  const eq = trimmed.indexOf('=');
  const kind = (eq < 0 ? trimmed : trimmed.slice(0, eq)).toLowerCase();
  const value = eq < 0 ? undefined : trimmed.slice(eq + 1).trim();
  const bad = { ok: false as const, error: { spec: trimmed, reason: 'bad-value' as const } };
  switch (kind) {
    case 'disconnect':
    case 'stall': {
      const ms = seconds(value, kind === 'disconnect' ? 10 : 2, trimmed);
      if (isError(ms)) return { ok: false, error: ms };
      return { ok: true, faults: kind === 'disconnect' ? { ...base, disconnectAfterMs: Math.max(ms, 100) } : { ...base, stallAfterMs: ms } };
    }
    case 'garbage': {
      const p = value === undefined || value === '' ? 0.1 : Number(value);
      return Number.isFinite(p) && p > 0 && p <= 1 ? { ok: true, faults: { ...base, garbageRate: p } } : bad;
    }
    case 'flood': {
      const f = value === undefined || value === '' ? 10 : Number(value);
      return Number.isFinite(f) && f >= 1 && f <= 1000 ? { ok: true, faults: { ...base, floodFactor: f } } : bad;
    }
    case 'auth': {
      const scheme = (value === undefined || value === '' ? 'digest' : value.toLowerCase()) as AuthScheme;
      return ['basic', 'digest', 'any'].includes(scheme) ? { ok: true, faults: { ...base, auth: scheme } } : bad;
    }
    case 'sps-sdp-only':
    case 'sps-inband-only':
    case 'no-sps':
    case 'multi-slice': {
      if (value !== undefined) return bad;
      if (kind === 'multi-slice') return { ok: true, faults: { ...base, multiSlice: true } };
      const mode: ParameterSetMode = kind === 'sps-sdp-only' ? 'sdp-only' : kind === 'sps-inband-only' ? 'inband-only' : 'late';
      return { ok: true, faults: { ...base, parameterSets: mode } };
    }
    default:
      return { ok: false, error: { spec: trimmed, reason: 'unknown-kind' } };
  }
}

/** Parses a list of specs; each entry may itself hold several separated by `,`. */
export function parseFaults(specs: readonly string[], base: FaultSet = NO_FAULTS): { ok: true; faults: FaultSet } | { ok: false; error: FaultError } {
  let faults = base;
  for (const spec of specs.flatMap((s) => s.split(',')).filter((s) => s.trim() !== '')) {
    const r = applyFault(faults, spec);
    if (!r.ok) return r;
    faults = r.faults;
  }
  return { ok: true, faults };
}
