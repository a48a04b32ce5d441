/**
 * Command-line arguments of `npm run simulate` (server/src/cli/simulate.ts), parsed into
 * {@link SimulatorOptions}. Pure, so every flag has a table test.
 */
import { SPEEDWAY_FIXTURE } from './catalog.ts';
import { FAULT_KINDS, parseFaults, type AuthScheme } from './faults.ts';
import type { SimulatorOptions } from './server.ts';
import type { LowerTransport } from './transport.ts';

/** What the CLI runs. */
export interface SimulateArgs {
  readonly options: SimulatorOptions;
  /** Seconds between stats lines; 0 for none. */
  readonly statsEverySec: number;
  readonly help: boolean;
}

/** Usage text (Indonesian first, as every user-facing text). */
export const USAGE = `Simulator kamera RTSP Pantau / Pantau RTSP camera simulator

  --cameras N            kamera cam-001…cam-N / N cameras (default: nama apa pun / any name)
  --names a,b,c          nama kamera / camera names
  --host 127.0.0.1       alamat / listen address
  --port 8554            port RTSP (0 = bebas / any free port)
  --fault NAME:KIND      gangguan per kamera, NAME * = semua / fault per camera, * = all
                         KIND: ${Object.keys(FAULT_KINDS).join(', ')}
                         (disconnect=S, stall=S, garbage=P, flood=X, auth=basic|digest|any)
  --transport-only tcp   hanya TCP atau UDP / only TCP or UDP
  --main FILE            fixture H.264 Annex B untuk /main (atau "speedway") / fixture for /main
  --sub FILE             fixture untuk /sub / fixture for /sub
  --user U --password P  semua kamera minta kredensial / every camera requires credentials
  --auth-scheme S        basic, digest (default) atau any
  --session-timeout S    batas sesi, detik / session timeout, seconds (default 60)
  --mtu N                paket RTP terbesar / largest RTP packet (default 1400)
  --stats-every S        statistik tiap S detik, 0 = mati / stats every S seconds (default 10)
  --help
`;

const int = (v: string, min: number, max: number): number | null => (/^\d{1,6}$/.test(v) && Number(v) >= min && Number(v) <= max ? Number(v) : null);

/** Parses argv (without node and script). */
export function parseSimulateArgs(argv: readonly string[]): { ok: true; args: SimulateArgs } | { ok: false; error: string } {
  const o: {
    -readonly [K in keyof SimulatorOptions]: SimulatorOptions[K];
  } = {};
  const faults: Record<string, string[]> = {};
  const fixtures: { main?: string; sub?: string } = {};
  let names: string[] | null = null;
  let count: number | null = null;
  let user: string | null = null;
  let password: string | null = null;
  let scheme: AuthScheme | undefined;
  let statsEverySec = 10;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (flag === '--help' || flag === '-h') {
      help = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) return { ok: false, error: `${flag} butuh nilai / needs a value` };
    i++;
    const bad = { ok: false as const, error: `${flag} ${value}: nilai tidak sah / invalid value` };
    switch (flag) {
      case '--cameras':
        if ((count = int(value, 1, 100_000)) === null) return bad;
        break;
      case '--names':
        names = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
        if (names.length === 0 || names.some((n) => /[/?#\s]/.test(n))) return bad;
        break;
      case '--host':
        o.host = value;
        break;
      case '--port':
        if ((o.port = int(value, 0, 65535) ?? undefined) === undefined) return bad;
        break;
      case '--fault': {
        const colon = value.indexOf(':');
        const name = value.slice(0, colon);
        const spec = value.slice(colon + 1);
        if (colon <= 0 || !parseFaults([spec]).ok) return bad;
        (faults[name] ??= []).push(spec);
        break;
      }
      case '--transport-only':
        if (value !== 'tcp' && value !== 'udp') return bad;
        o.transports = [value as LowerTransport];
        break;
      case '--main':
      case '--sub':
        fixtures[flag === '--main' ? 'main' : 'sub'] = value === 'speedway' ? SPEEDWAY_FIXTURE : value;
        break;
      case '--user':
        user = value;
        break;
      case '--password':
        password = value;
        break;
      case '--auth-scheme':
        if (!['basic', 'digest', 'any'].includes(value)) return bad;
        scheme = value as AuthScheme;
        break;
      case '--session-timeout':
        if ((o.sessionTimeoutSec = int(value, 5, 3600) ?? undefined) === undefined) return bad;
        break;
      case '--mtu':
        if ((o.mtu = int(value, 200, 65000) ?? undefined) === undefined) return bad;
        break;
      case '--stats-every': {
        const s = int(value, 0, 3600);
        if (s === null) return bad;
        statsEverySec = s;
        break;
      }
      default:
        return { ok: false, error: `${flag}: opsi tidak dikenal / unknown option` };
    }
  }
  if (names !== null && count !== null) return { ok: false, error: '--cameras dan/and --names: pilih satu / choose one' };
  if ((user === null) !== (password === null)) return { ok: false, error: '--user dan/and --password: keduanya / both' };
  const cameras = names ?? count ?? undefined;
  const known = typeof cameras === 'number' ? null : cameras;
  for (const name of Object.keys(faults)) {
    if (name !== '*' && known !== undefined && known !== null && !known.includes(name)) return { ok: false, error: `--fault ${name}: kamera tidak ada / no such camera` };
  }
  return {
    ok: true,
    args: {
      options: {
        ...o,
        ...(cameras === undefined ? {} : { cameras }),
        ...(Object.keys(faults).length > 0 ? { faults } : {}),
        ...(Object.keys(fixtures).length > 0 ? { fixtures } : {}),
        ...(user !== null && password !== null ? { auth: { username: user, password, ...(scheme ? { scheme } : {}) } } : {}),
      },
      statsEverySec,
      help,
    },
  };
}
