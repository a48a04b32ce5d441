export { AuditService, type AuditWriter, type AuditEvent, type AnonymousActor, type VerifyResult } from './audit.service.ts';
export { auditRoutes } from './audit.routes.ts';
export { auditPolicy, auditScopes } from './audit.policy.ts';
export { chainHash, canonicalJson, GENESIS_HASH } from './audit.chain.ts';
