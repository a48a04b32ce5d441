import { budgetBytesOf, loadConfig, ConfigError } from './config.ts';
import { buildApp } from './app.ts';
import { openAndMigrate, secretBoxFor, writeCredentialsFile } from './bootstrap.ts';
import { seedDemo, seedRegions } from './seed/demo.ts';
import { systemClock } from './platform/clock.ts';
import { startWorker } from './worker/index.ts';
import { LoggingEmailTransport, fetchPoster } from './modules/incidents/index.ts';
import { MediaPipeline, Recorder } from './media/index.ts';
import { registerMediaMetrics, startMediaHost } from './roles/media-host.ts';
import { startDemoSimulator } from './roles/demo-simulator.ts';

/** Reads ROLE and starts those roles; `npm start` runs api, media and worker in one process. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const database = await openAndMigrate(config);
  const budgetBytes = await budgetBytesOf(config.recordingBudget, config.dataDir);
  const secrets = secretBoxFor(config);
  const runsMedia = config.roles.includes('media');
  const recorder = runsMedia && config.recording ? new Recorder({ db: database.db, dataDir: config.dataDir, node: config.mediaNode }) : null;
  const media = runsMedia ? new MediaPipeline({ recorder }) : null;
  const { app, services, metrics } = await buildApp({
    db: database.db,
    clock: systemClock,
    secrets,
    media,
    options: {
      logger: { level: config.logLevel },
      logRequests: config.logLevel === 'debug' || config.logLevel === 'trace',
      sessionHours: config.sessionHours,
      secureCookies: config.secureCookies,
      loginMaxFailures: config.loginMaxFailures,
      loginLockMinutes: config.loginLockMinutes,
      webDist: config.webDist,
      mapTileUrl: config.mapTileUrl,
      trustProxy: config.trustProxy,
      mapAttribution: config.mapAttribution,
      publicUrl: config.publicUrl,
      recordings: { dataDir: config.dataDir, budgetBytes, retentionDays: config.retentionDays, ffmpegPath: config.ffmpegPath },
    },
  });
  const log = app.log;
  if (database.applied.length) log.info({ migrations: database.applied }, 'migrations applied');

  const seed = config.seedDemo ? await seedDemo(database.db, services, `rtsp://127.0.0.1:${config.simulatorPort}`) : (await seedRegions(database.db), { seeded: false, credentials: [] });
  const stoppers: (() => Promise<void>)[] = [];
  if (config.simulator) {
    const stopSim = await startDemoSimulator(config.simulatorPort, log);
    if (stopSim) stoppers.push(stopSim);
  }
  if (config.roles.includes('worker')) stoppers.push(startWorker({ db: database.db, clock: systemClock, log, ppidSweep: services.ppid.sweep, incidents: services.incidents.jobs(new LoggingEmailTransport(log), fetchPoster) }));
  if (recorder) {
    // finish what a crash or kill left behind before anything new is written
    const report = await recorder.recover();
    log.info({ closed: report.closed.length, discarded: report.discarded, orphans: report.orphansDeleted.length }, 'recordings recovered');
  }
  if (media) {
    registerMediaMetrics(metrics, media);
    const host = startMediaHost({ pipeline: media, cameras: services.cameraMedia, log, node: config.mediaNode, capacity: config.mediaCapacity, record: recorder !== null, recorder, budgetBytes, retentionDays: config.retentionDays, dataDir: config.dataDir });
    stoppers.push(host.stop);
    if (recorder) stoppers.push(() => recorder.close());
  }

  if (config.roles.includes('api')) {
    // exports a stopped process left half-written are marked failed and their files removed
    await services.recordings.exports.recover();
    await app.listen({ host: config.host, port: config.port });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const url = `http://${config.host}:${port}`;
    const lines = ['', `  Portal publik / public portal:       ${url}`, `  Konsol operator / operator console:  ${url}/login`, `  Layar kios / kiosk display:          ${url}/layar`, `  Dokumentasi API / API docs:          ${url}/api/docs`, `  Basis data / database:                ${database.kind === 'pglite' ? `PGlite (${config.dataDir}/db)` : 'PostgreSQL server'}`];
    if (seed.seeded) {
      const file = writeCredentialsFile(config.dataDir, seed.credentials);
      lines.push('', '  Data demo dibuat. Pengguna demo (kata sandi hanya ditampilkan sekali):', '  Demo data created. Demo users (passwords shown only once):');
      for (const c of seed.credentials) lines.push(`    ${c.username.padEnd(24)} ${c.role.padEnd(16)} ${c.password}`);
      lines.push(`  (juga disimpan di / also saved to ${file})`);
    }
    console.log(lines.join('\n') + '\n');
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    for (const s of stoppers) await s();
    await database.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
