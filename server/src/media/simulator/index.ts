/** Camera simulator: an RTSP server replaying pre-encoded H.264 fixtures as many cameras, with faults. */
export { startSimulator, type Simulator, type SimulatorOptions, type SimulatorStats } from './server.ts';
export { cameraNames, DEFAULT_CREDENTIALS, DEFAULT_FIXTURES, SPEEDWAY_FIXTURE, type CameraSpec, type CameraStats, type CatalogOptions, type Credentials, type FixtureFiles } from './catalog.ts';
export { FAULT_KINDS, NO_FAULTS, parseFaults, type AuthScheme, type FaultKind, type FaultSet } from './faults.ts';
export { loadFixture, parseFixture, type Fixture, type FixtureUnit } from './fixture.ts';
export { DEFAULT_MTU, packetizeAccessUnit, prepareStream, type PreparedStream } from './packetizer.ts';
export { ensureBenchFixture, benchFixtureArgs, benchFixtureName, type BenchFixtureOptions } from './bench-fixture.ts';
export { handleRequest, initialConnection, expireSessions, type HandlerContext, type ConnectionState } from './handler.ts';
export type { StreamName } from './paths.ts';
export type { StreamStats } from './player.ts';
export type { LowerTransport } from './transport.ts';
