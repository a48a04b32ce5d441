import type { FastifyBaseLogger } from 'fastify';
import { SPEEDWAY_FIXTURE, startSimulator, type CameraSpec } from '../media/simulator/index.ts';
import { DEMO_CAMERAS } from '../seed/kalteng.ts';

// one demo camera stalls a minute after it connects, so a new user also sees what an outage looks like
export const DEMO_STALLING_CAMERA = 'MTW-004';

/**
 * The demo cameras as simulated RTSP cameras in this process (real highway footage for the traffic
 * cameras, test patterns for the rest). A taken port is not fatal: the console then shows them offline.
 */
export async function startDemoSimulator(port: number, log: FastifyBaseLogger): Promise<(() => Promise<void>) | null> {
  const cameras: CameraSpec[] = DEMO_CAMERAS.map(([code, , , , , , category]) => ({
    name: code.toLowerCase(),
    ...(category === 'lalu_lintas' ? { fixtures: { main: SPEEDWAY_FIXTURE, sub: SPEEDWAY_FIXTURE } } : {}),
    ...(code === DEMO_STALLING_CAMERA ? { faults: ['stall=60'] } : {}),
  }));
  try {
    const sim = await startSimulator({ host: '127.0.0.1', port, cameras });
    log.info({ port, cameras: cameras.length }, 'demo camera simulator started');
    return async () => sim.stop();
  } catch (err) {
    log.warn({ err, port }, 'demo camera simulator not started (port in use?)');
    return null;
  }
}
