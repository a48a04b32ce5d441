import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../testing/net.ts';

const script = fileURLToPath(new URL('./rtsp-server.py', import.meta.url));

export { freePort };

/**
 * GStreamer's gst-rtsp-server (an RTSP server we did not write) serving rtsp://127.0.0.1:PORT/test,
 * user admin / s3cret when auth is on. Run with Debian's python3, which has the `gi` bindings.
 */
export async function startGstServer(codec: 'h264' | 'h265', auth: 'none' | 'basic' | 'digest'): Promise<{ port: number; child: ChildProcess; stop(): void }> {
  const port = await freePort();
  const child = spawn('/usr/bin/python3', [script, String(port), codec, auth], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => (d.toString().includes('ready') ? resolve() : undefined));
    child.once('exit', (code) => reject(new Error(`rtsp-server.py exited with ${code}`)));
  });
  return { port, child, stop: () => void child.kill() };
}
