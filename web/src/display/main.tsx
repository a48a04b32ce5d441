import { createRoot } from 'react-dom/client';
import { Kiosk } from './Kiosk.tsx';
import { KioskErrorBoundary } from './ErrorBoundary.tsx';
import './kiosk.css';

// the Smart Display kiosk (/layar): its own small bundle, no Mantine, no console i18n
createRoot(document.getElementById('root')!).render(
  <KioskErrorBoundary>
    <Kiosk />
  </KioskErrorBoundary>,
);
