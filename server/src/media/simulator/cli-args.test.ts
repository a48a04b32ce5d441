// Command-line flags of `npm run simulate`, and the CLI itself started as a child process.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SPEEDWAY_FIXTURE } from './catalog.ts';
import { parseSimulateArgs } from './cli-args.ts';

describe('simulate CLI arguments', () => {
  test('flags become simulator options', () => {
    const r = parseSimulateArgs([
      '--cameras', '200', '--port', '9554', '--host', '0.0.0.0', '--fault', 'cam-007:stall=3', '--fault', 'cam-007:auth=basic', '--fault', '*:garbage',
      '--transport-only', 'tcp', '--main', 'speedway', '--sub', '/x/sub.h264', '--user', 'u', '--password', 'p', '--auth-scheme', 'any',
      '--session-timeout', '30', '--mtu', '1200', '--stats-every', '0',
    ]);
    assert.deepEqual(r, {
      ok: true,
      args: {
        options: {
          port: 9554, host: '0.0.0.0', transports: ['tcp'], sessionTimeoutSec: 30, mtu: 1200, cameras: 200,
          faults: { 'cam-007': ['stall=3', 'auth=basic'], '*': ['garbage'] },
          fixtures: { main: SPEEDWAY_FIXTURE, sub: '/x/sub.h264' },
          auth: { username: 'u', password: 'p', scheme: 'any' },
        },
        statsEverySec: 0,
        help: false,
      },
    });
    assert.deepEqual(parseSimulateArgs(['--names', 'gate,lobby']), { ok: true, args: { options: { cameras: ['gate', 'lobby'] }, statsEverySec: 10, help: false } });
    assert.equal(parseSimulateArgs(['--help']).ok && parseSimulateArgs(['--help']).ok, true);
  });

  const refused: string[][] = [
    ['--cameras', '0'],
    ['--cameras', 'many'],
    ['--port', '70000'],
    ['--fault', 'stall'],
    ['--fault', 'cam-001:explode'],
    ['--fault', 'cam-001:stall=-1'],
    ['--names', 'a,b', '--fault', 'c:stall'],
    ['--names', 'a/b'],
    ['--names', 'a', '--cameras', '3'],
    ['--transport-only', 'sctp'],
    ['--user', 'u'],
    ['--auth-scheme', 'ntlm'],
    ['--port'],
    ['--bogus', '1'],
  ];
  for (const argv of refused) {
    test(`refuses ${argv.join(' ')}`, () => {
      const r = parseSimulateArgs(argv);
      assert.equal(r.ok, false);
    });
  }

  test('the CLI serves cameras, prints their URLs, and stops on SIGINT', async () => {
    const cli = fileURLToPath(new URL('../../cli/simulate.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--cameras', '2', '--port', '0', '--stats-every', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 10000;
      while (!/CPU/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.match(out, /rtsp:\/\/127\.0\.0\.1:\d+\/cam-001\/main/);
      assert.match(out, /rtsp:\/\/127\.0\.0\.1:\d+\/cam-002\/sub/);
      assert.match(out, /frame\/s.*CPU [\d.]+%/);
      child.kill('SIGINT');
      assert.equal(await exited, 0);
      assert.match(out, /simulator stopped/);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
