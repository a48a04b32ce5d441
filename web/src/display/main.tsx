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

// keeps the page shell for a reboot while the server is away (public/display-sw.js); needs a secure
// context (https, or localhost); without it the kiosk still runs, it just cannot start offline
if ('serviceWorker' in navigator && window.isSecureContext) {
  void navigator.serviceWorker.register('/display-sw.js', { scope: '/layar' }).catch(() => undefined);
}
