/**
 * `npm run simulate`: serves many simulated RTSP cameras from one process by replaying the
 * pre-encoded fixtures (see server/src/media/simulator). Prints the URLs, then a stats line
 * every 10 s; Ctrl-C stops it cleanly.
 */
import { parseSimulateArgs, USAGE } from '../media/simulator/cli-args.ts';
import { startSimulator } from '../media/simulator/index.ts';

const parsed = parseSimulateArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`${parsed.error}\n\n${USAGE}`);
  process.exit(2);
}
if (parsed.args.help) {
  console.log(USAGE);
  process.exit(0);
}

const sim = await startSimulator({ port: 8554, ...parsed.args.options });
const names = sim.names;
console.log(`Simulator kamera berjalan / camera simulator running on rtsp://${sim.host}:${sim.port}`);
if (names === null) {
  console.log(`  nama apa pun / any name: ${sim.url('<nama>')}  ${sim.url('<nama>', 'sub')}`);
} else {
  const shown = names.length <= 50 ? names : [...names.slice(0, 3), ...names.slice(-1)];
  for (const [i, n] of shown.entries()) {
    if (names.length > 50 && i === 3) console.log(`  … ${names.length - 4} kamera lagi / more cameras …`);
    console.log(`  ${sim.url(n)}  ${sim.url(n, 'sub')}`);
  }
}
console.log('  gangguan lewat URL / faults by URL: ?fault=stall, ?fault=disconnect=5, ?fault=auth, …');

let last = { at: performance.now(), cpu: process.cpuUsage(), frames: 0, bytes: 0 };
const every = parsed.args.statsEverySec;
const timer =
  every > 0
    ? setInterval(() => {
        const s = sim.stats();
        let frames = 0;
        let bytes = 0;
        let dropped = 0;
        for (const c of Object.values(s.cameras)) {
          for (const st of [c.main, c.sub]) {
            frames += st.framesSent;
            bytes += st.bytesSent;
            dropped += st.framesDropped;
          }
        }
        const now = performance.now();
        const cpu = process.cpuUsage(last.cpu);
        const secs = (now - last.at) / 1000;
        const cpuPct = ((cpu.user + cpu.system) / 1000 / (now - last.at)) * 100;
        console.log(
          `[${new Date().toISOString()}] sesi / sessions ${s.playing}/${s.sessions}, koneksi / connections ${s.connections}, ` +
            `${((frames - last.frames) / secs).toFixed(0)} frame/s, ${(((bytes - last.bytes) * 8) / secs / 1e6).toFixed(1)} Mbit/s, ` +
            `dibuang / dropped ${dropped}, CPU ${cpuPct.toFixed(1)}%, RSS ${(process.memoryUsage.rss() / 1048576).toFixed(0)} MB`,
        );
        last = { at: now, cpu: process.cpuUsage(), frames, bytes };
      }, every * 1000)
    : null;

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (timer) clearInterval(timer);
  await sim.stop();
  console.log('Simulator berhenti / simulator stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
