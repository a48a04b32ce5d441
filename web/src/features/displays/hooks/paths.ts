/** The path segment of a scene or playlist not saved yet (/tampilan/adegan/baru). */
export const NEW_ID = 'baru';
