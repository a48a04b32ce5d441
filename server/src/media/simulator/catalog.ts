/**
 * The simulated cameras: names, fixtures per encoding, faults and credentials, turned into what
 * the request handler resolves a URL to. Fixtures are read once and packetized once per
 * parameter-set mode, then shared by every camera and session that plays them.
 */
import { fileURLToPath } from 'node:url';
import type { AuthRequirement } from './auth.ts';
import { loadFixture, type Fixture } from './fixture.ts';
import { parseFaults, type AuthScheme, type FaultSet, type ParameterSetMode } from './faults.ts';
import type { Resolution } from './handler.ts';
import { prepareStream, type PreparedStream } from './packetizer.ts';
import type { StreamName, StreamPath } from './paths.ts';
import { emptyStats, type StreamStats } from './player.ts';

/** Fixture files (Annex B H.264) per encoding; the multi-slice ones serve the `multi-slice` fault. */
export interface FixtureFiles {
  readonly main: string;
  readonly sub: string;
  readonly multiSliceMain: string;
  readonly multiSliceSub: string;
}

const dir = (name: string): string => fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url));

/** The committed fixtures in server/fixtures (see make-fixtures.sh). */
export const DEFAULT_FIXTURES: FixtureFiles = {
  main: dir('sim-main-640x360-25fps.h264'),
  sub: dir('sim-sub-320x180-25fps.h264'),
  multiSliceMain: dir('sim-main-640x360-25fps-4slices.h264'),
  multiSliceSub: dir('h264-320x240-25fps-4slices.h264'),
};

/** Real footage: a CC0 highway camera clip, 352x288 (see server/fixtures/README.md). */
export const SPEEDWAY_FIXTURE = dir('speedway-352x288-25fps.h264');

/** One camera with its own settings. */
export interface CameraSpec {
  readonly name: string;
  /** Fault specs, e.g. `['stall=2', 'auth=basic']`. */
  readonly faults?: readonly string[];
  readonly fixtures?: Partial<Pick<FixtureFiles, 'main' | 'sub'>>;
}

/** Credentials for cameras that require them. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
  /** Schemes offered; default `digest`. */
  readonly scheme?: AuthScheme;
}

/** Camera settings of the simulator. */
export interface CatalogOptions {
  /** Camera names, a count (`cam-001`…), or omitted to serve any name. */
  readonly cameras?: readonly (string | CameraSpec)[] | number;
  readonly fixtures?: Partial<FixtureFiles>;
  /** Fault specs per camera name; `*` applies to every camera. */
  readonly faults?: Readonly<Record<string, string | readonly string[]>>;
  /** When set, every camera requires these credentials; cameras with the `auth` fault use them too. */
  readonly auth?: Credentials;
  /** Largest RTP packet; default 1400. */
  readonly mtu?: number;
}

/** What a resolved stream carries for the socket adapter. */
export interface StreamSource {
  readonly prepared: PreparedStream;
  /** The camera's stable offset into the fixture, in frames. */
  readonly offset: number;
  readonly stats: StreamStats;
}

/** Per-camera counters. */
export interface CameraStats {
  readonly main: StreamStats;
  readonly sub: StreamStats;
}

/** Credentials of the `auth` fault when none are configured. */
export const DEFAULT_CREDENTIALS: Credentials = { username: 'admin', password: 'pantau' };
const REALM = 'Pantau camera simulator';

/** Camera names for a count: cam-001, cam-002, … (wider when needed). */
export function cameraNames(count: number): string[] {
  const width = Math.max(3, String(count).length);
  return Array.from({ length: count }, (_, i) => `cam-${String(i + 1).padStart(width, '0')}`);
}

/** FNV-1a, 32 bits: a stable per-name offset so cameras do not show the same picture in sync. */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(name, 'utf8')) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

function specsOf(v: string | readonly string[] | undefined): string[] {
  return v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
}

/** Resolves URLs to streams; owns fixtures and counters. */
export class Catalog {
  private readonly cameras: Map<string, CameraSpec> | null;
  private readonly files: FixtureFiles;
  private readonly fixtures = new Map<string, Fixture>();
  private readonly prepared = new Map<string, PreparedStream>();
  private readonly counters = new Map<string, CameraStats>();

  constructor(private readonly opts: CatalogOptions = {}) {
    this.files = { ...DEFAULT_FIXTURES, ...opts.fixtures };
    const list = typeof opts.cameras === 'number' ? cameraNames(opts.cameras) : opts.cameras;
    this.cameras = list === undefined ? null : new Map(list.map((c) => (typeof c === 'string' ? [c, { name: c }] : [c.name, c])));
    // fail at start on a bad fault in the configuration, not at the first client
    for (const name of [...(this.cameras?.keys() ?? []), '*']) {
      const r = parseFaults(this.configuredFaults(name));
      if (!r.ok) throw new Error(`camera ${name}: bad fault "${r.error.spec}" (${r.error.reason})`);
    }
    // the default encodings must load; others load on first use
    this.fixture(this.files.main);
    this.fixture(this.files.sub);
    for (const c of this.cameras?.values() ?? []) for (const f of Object.values(c.fixtures ?? {})) this.fixture(f);
  }

  /** Configured camera names, or null when any name is served. */
  get names(): readonly string[] | null {
    return this.cameras === null ? null : [...this.cameras.keys()];
  }

  /** Counters per camera that has been asked for (every configured camera). */
  stats(): Record<string, CameraStats> {
    const out: Record<string, CameraStats> = {};
    // configured cameras first, in their order
    for (const name of this.cameras?.keys() ?? []) out[name] = this.counter(name);
    for (const [name, c] of this.counters) out[name] ??= c;
    return out;
  }

  /** Finds the stream a URL names, with its faults (configured plus `?fault=`). */
  resolve(path: StreamPath): Resolution<StreamSource> {
    const spec = this.cameras === null ? { name: path.camera } : this.cameras.get(path.camera);
    if (spec === undefined) return { ok: false, status: 404 };
    const parsed = parseFaults([...this.configuredFaults(path.camera), ...path.faults]);
    if (!parsed.ok) return { ok: false, status: 400 };
    let faults: FaultSet = parsed.faults;
    if (this.opts.auth && faults.auth === null) faults = { ...faults, auth: this.opts.auth.scheme ?? 'digest' };
    const file = this.fileFor(spec, path.stream, faults.multiSlice);
    let prepared: PreparedStream;
    try {
      prepared = this.preparedFor(file, faults.parameterSets);
    } catch {
      return { ok: false, status: 404 };
    }
    const f = prepared.fixture;
    const stats = this.counter(path.camera)[path.stream];
    const source: StreamSource = { prepared, offset: nameHash(path.camera) % f.units.length, stats };
    return {
      ok: true,
      stream: {
        camera: path.camera,
        stream: path.stream,
        faults,
        auth: this.authFor(faults),
        media: { sps: f.sps, pps: f.pps, fps: f.fps, width: f.width, height: f.height, bitrateKbps: f.bitrateKbps },
        source,
      },
    };
  }

  private configuredFaults(name: string): string[] {
    const cam = this.cameras?.get(name);
    return [...specsOf(this.opts.faults?.['*']), ...specsOf(this.opts.faults?.[name]), ...(cam?.faults ?? [])];
  }

  private authFor(faults: FaultSet): AuthRequirement | null {
    if (faults.auth === null) return null;
    const c = this.opts.auth ?? DEFAULT_CREDENTIALS;
    return { scheme: faults.auth, username: c.username, password: c.password, realm: REALM };
  }

  private fileFor(spec: CameraSpec, stream: StreamName, multiSlice: boolean): string {
    if (multiSlice) return stream === 'main' ? this.files.multiSliceMain : this.files.multiSliceSub;
    return spec.fixtures?.[stream] ?? this.files[stream];
  }

  private fixture(path: string): Fixture {
    let f = this.fixtures.get(path);
    if (f === undefined) {
      f = loadFixture(path);
      this.fixtures.set(path, f);
    }
    return f;
  }

  private preparedFor(path: string, mode: ParameterSetMode): PreparedStream {
    // only sdp-only changes the packets; the other modes share one packetization
    const key = `${mode === 'sdp-only' ? 'sdp-only' : 'inband'}|${path}`;
    let p = this.prepared.get(key);
    if (p === undefined) {
      p = prepareStream(this.fixture(path), mode, { mtu: this.opts.mtu });
      this.prepared.set(key, p);
    }
    return p;
  }

  private counter(name: string): CameraStats {
    let c = this.counters.get(name);
    if (c === undefined) {
      c = { main: emptyStats(), sub: emptyStats() };
      // bounded: without a camera list any name is served, but counters stop at a sane number
      if (this.cameras !== null || this.counters.size < 10_000) this.counters.set(name, c);
    }
    return c;
  }
}

