import './portal.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { initI18n } from './i18n.ts';
import { PortalApp } from './PortalApp.tsx';

// The public portal: its own entry, without Mantine, maplibre, echarts or the console's strings,
// so a phone on a slow network gets a small page (budget: 200 KB of gzipped JS).
initI18n();
const root = document.getElementById('root');
if (!root) throw new Error('#root missing from portal.html');
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <PortalApp />
    </BrowserRouter>
  </StrictMode>,
);
