export { PortalService, seesPimpinan, type PortalViewer, type DisplayViewerResolver, type IncidentAggregates, type PortalMap } from './portal.service.ts';
export { portalRoutes, streamAccessOf, viewerOfRequest, PORTAL_LIMITS } from './portal.routes.ts';
export { portalPolicy } from './portal.policy.ts';
export { portalHead, seoRoutes, escapeHtml } from './portal.seo.ts';
