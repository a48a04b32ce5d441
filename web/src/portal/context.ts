import { createContext, useContext } from 'react';
import type { PortalInfo } from './api.ts';

/** The portal facts (tenant, viewer tier, map tiles) loaded once by the layout. */
export const PortalInfoContext = createContext<PortalInfo | null>(null);
export const usePortal = () => useContext(PortalInfoContext);
