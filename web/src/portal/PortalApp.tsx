import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './Layout.tsx';
import { Loading } from './components/Status.tsx';

// every page loads on demand: the first paint pays only for the shell
const HomePage = lazy(() => import('./pages/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const CameraPage = lazy(() => import('./pages/CameraPage.tsx').then((m) => ({ default: m.CameraPage })));
const ReportPage = lazy(() => import('./pages/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));
const TrackPage = lazy(() => import('./pages/TrackPage.tsx').then((m) => ({ default: m.TrackPage })));
const StatsPage = lazy(() => import('./pages/StatsPage.tsx').then((m) => ({ default: m.StatsPage })));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx').then((m) => ({ default: m.NotFoundPage })));

/** The portal's routes, served by the server at `/`, `/kamera/:id`, `/lapor`, `/lacak[/:ticket]`, `/statistik`. */
export function PortalApp() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Suspense fallback={<Loading />}><HomePage /></Suspense>} />
        <Route path="kamera/:id" element={<Suspense fallback={<Loading />}><CameraPage /></Suspense>} />
        <Route path="lapor" element={<Suspense fallback={<Loading />}><ReportPage /></Suspense>} />
        <Route path="lacak/:ticket?" element={<Suspense fallback={<Loading />}><TrackPage /></Suspense>} />
        <Route path="statistik" element={<Suspense fallback={<Loading />}><StatsPage /></Suspense>} />
        <Route path="*" element={<Suspense fallback={<Loading />}><NotFoundPage /></Suspense>} />
      </Route>
    </Routes>
  );
}
