/**
 * In browser fullscreen only the wall's own subtree is drawn, so menus, tooltips and dialogs of the
 * wall render into the wall element instead of document.body.
 */
export const WALL_ELEMENT_ID = 'pantau-wall';
export const wallPortal = { target: `#${WALL_ELEMENT_ID}` };
