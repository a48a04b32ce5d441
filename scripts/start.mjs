#!/usr/bin/env node
// `npm start`: builds the web console when it is missing or older than its sources, then runs
// the server with every role (api, media, worker) in one process. Configuration: README.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// A larger starting heap: with a small one V8 runs a full collection several times a second under
// video ingest (pictures live ~2 s in the keyframe cache and the recorder); measured in
// docs/benchmarks.md, about a third less CPU per camera.
export const SERVER_NODE_FLAGS = ['--initial-heap-size=256'];

function newest(dir) {
  let t = 0;
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

const dist = join(root, 'web/dist/index.html');
const sources = Math.max(newest(join(root, 'web/src')), newest(join(root, 'packages/shared/src')), statSync(join(root, 'web/index.html')).mtimeMs);
if (!existsSync(dist) || statSync(dist).mtimeMs < sources) {
  console.log('Membangun konsol web / building the web console…');
  const r = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', join(root, 'server/src/main.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
