/**
 * Decodes one keyframe to a small JPEG with ffmpeg (if installed): the only place Pantau decodes
 * video, on demand, for timeline thumbnails; never on the recording or live path.
 */
import { spawn } from 'node:child_process';

/** ffmpeg arguments for MP4 on stdin → one JPEG of `width` pixels on stdout. Pure. */
export function thumbnailArgs(width: number): string[] {
  return ['-nostdin', '-v', 'error', '-f', 'mp4', '-i', 'pipe:0', '-frames:v', '1', '-vf', `scale=${width}:-2`, '-q:v', '5', '-f', 'image2', '-c:v', 'mjpeg', 'pipe:1'];
}

/** Runs ffmpeg over an MP4 holding the keyframe; resolves with the JPEG bytes. */
export function decodeThumbnail(ffmpeg: string, mp4: AsyncIterable<Uint8Array>, width = 320, timeoutMs = 10_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, thumbnailArgs(width), { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => {
      // the tail says why it failed; keep it bounded
      err = (err + b.toString()).slice(-4000);
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const jpeg = Buffer.concat(out);
      if (code === 0 && jpeg.length > 0) resolve(jpeg);
      else reject(new Error(`ffmpeg exited ${code}: ${err.trim()}`));
    });
    // ffmpeg may stop reading once it has the frame: a closed stdin is not an error here
    child.stdin.on('error', () => {});
    void (async () => {
      try {
        for await (const chunk of mp4) if (!child.stdin.write(chunk)) await new Promise((r) => child.stdin.once('drain', r));
      } catch {
        child.kill('SIGKILL');
      } finally {
        child.stdin.end();
      }
    })();
  });
}
