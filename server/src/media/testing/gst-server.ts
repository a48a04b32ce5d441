import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../testing/net.ts';

const script = fileURLToPath(new URL('./rtsp-server.py', import.meta.url));

export { freePort };

/** Starts rtsp-server.py on a port the kernel picks; resolves with that port once it listens. `log` gets its stderr. */
export function spawnGstServer(codec: 'h264' | 'h265', auth: 'none' | 'basic' | 'digest', opts: { detached?: boolean; log?: (s: string) => void } = {}): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn('/usr/bin/python3', [script, '0', codec, auth], { stdio: ['ignore', 'pipe', 'pipe'], detached: opts.detached ?? false });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`rtsp-server.py not ready within 15 s:\n${output}`));
    }, 15_000);
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      const m = output.match(/ready (\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), child });
      }
    });
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
      opts.log?.(d.toString());
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`rtsp-server.py exited with ${code}:\n${output}`));
    });
  });
}

/**
 * GStreamer's gst-rtsp-server (an RTSP server we did not write) serving rtsp://127.0.0.1:PORT/test,
 * user admin / s3cret when auth is on. Run with Debian's python3, which has the `gi` bindings.
 */
export async function startGstServer(codec: 'h264' | 'h265', auth: 'none' | 'basic' | 'digest'): Promise<{ port: number; child: ChildProcess; stop(): void }> {
  const { port, child } = await spawnGstServer(codec, auth, { log: (s) => process.stderr.write(s) });
  return { port, child, stop: () => void child.kill() };
}
