import { lazy, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireAuth, CHANGE_PASSWORD_PATH } from './features/auth/components/RequireAuth.tsx';
import { RequirePermission } from './features/auth/components/RequirePermission.tsx';
import type { Action } from './features/auth/hooks/useMe.ts';
import { ForcedPasswordPage } from './features/auth/pages/ForcedPasswordPage.tsx';
import { LoginPage } from './features/auth/pages/LoginPage.tsx';
import { NotFoundPage } from './features/shell/pages/NotFoundPage.tsx';
import { AppLayout } from './features/shell/views/AppLayout.tsx';

// Sections load on demand, so the login screen does not pay for maplibre or the admin pages.
const CameraListPage = lazy(() => import('./features/cameras/pages/CameraListPage.tsx').then((m) => ({ default: m.CameraListPage })));
const CameraDetailPage = lazy(() => import('./features/cameras/pages/CameraDetailPage.tsx').then((m) => ({ default: m.CameraDetailPage })));
const CameraCreatePage = lazy(() => import('./features/cameras/pages/CameraCreatePage.tsx').then((m) => ({ default: m.CameraCreatePage })));
const CameraEditPage = lazy(() => import('./features/cameras/pages/CameraEditPage.tsx').then((m) => ({ default: m.CameraEditPage })));
const MapPage = lazy(() => import('./features/map/pages/MapPage.tsx').then((m) => ({ default: m.MapPage })));
const VideoWallPage = lazy(() => import('./features/wall/pages/VideoWallPage.tsx').then((m) => ({ default: m.VideoWallPage })));
const ImportPage = lazy(() => import('./features/import/pages/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const UsersPage = lazy(() => import('./features/users/pages/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const TokensPage = lazy(() => import('./features/tokens/pages/TokensPage.tsx').then((m) => ({ default: m.TokensPage })));
const AuditPage = lazy(() => import('./features/audit/pages/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const PlaybackPage = lazy(() => import('./features/playback/pages/PlaybackPage.tsx').then((m) => ({ default: m.PlaybackPage })));
const ExportsPage = lazy(() => import('./features/playback/pages/ExportsPage.tsx').then((m) => ({ default: m.ExportsPage })));
const StoragePage = lazy(() => import('./features/storage/pages/StoragePage.tsx').then((m) => ({ default: m.StoragePage })));

function guarded(action: Action, page: ReactNode) {
  return <RequirePermission action={action}>{page}</RequirePermission>;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route path={CHANGE_PASSWORD_PATH} element={<ForcedPasswordPage />} />
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to="/cameras" replace />} />
          <Route path="/cameras" element={guarded('camera.read', <CameraListPage />)} />
          <Route path="/cameras/new" element={guarded('camera.write', <CameraCreatePage />)} />
          <Route path="/cameras/:id" element={guarded('camera.read', <CameraDetailPage />)} />
          <Route path="/cameras/:id/edit" element={guarded('camera.write', <CameraEditPage />)} />
          <Route path="/map" element={guarded('camera.read', <MapPage />)} />
          <Route path="/dinding-video" element={guarded('wall.manage', <VideoWallPage />)} />
          <Route path="/import" element={guarded('camera.write', <ImportPage />)} />
          <Route path="/users" element={guarded('user.read', <UsersPage />)} />
          <Route path="/tokens" element={guarded('token.manage', <TokensPage />)} />
          <Route path="/audit" element={guarded('audit.read', <AuditPage />)} />
          <Route path="/putar-ulang" element={guarded('recording.view', <PlaybackPage />)} />
          <Route path="/ekspor" element={guarded('recording.export', <ExportsPage />)} />
          <Route path="/penyimpanan" element={guarded('storage.read', <StoragePage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
