import { lazy, Suspense, type ReactNode } from 'react';
import { FullScreenLoader } from './components/ui/FullScreenLoader.tsx';
import { Navigate, Route, Routes } from 'react-router';
import { RequireAuth, CHANGE_PASSWORD_PATH } from './features/auth/components/RequireAuth.tsx';
import { RequirePermission } from './features/auth/components/RequirePermission.tsx';
import type { Action } from './features/auth/hooks/useMe.ts';
import { ForcedPasswordPage } from './features/auth/pages/ForcedPasswordPage.tsx';
import { LoginPage } from './features/auth/pages/LoginPage.tsx';
import { NotFoundPage } from './features/shell/pages/NotFoundPage.tsx';
import { AppLayout } from './features/shell/views/AppLayout.tsx';
import { PublicLayout as DataPublicLayout } from './features/databank/views/PublicLayout.tsx';
import { PublicLayout as PpidPublicLayout } from './features/ppid/views/PublicLayout.tsx';

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
const CatalogPage = lazy(() => import('./features/databank/pages/CatalogPage.tsx').then((m) => ({ default: m.CatalogPage })));
const DatasetPage = lazy(() => import('./features/databank/pages/DatasetPage.tsx').then((m) => ({ default: m.DatasetPage })));
const EmbedChartPage = lazy(() => import('./features/databank/pages/EmbedChartPage.tsx').then((m) => ({ default: m.EmbedChartPage })));
const DatabankConsolePage = lazy(() => import('./features/databank/pages/DatabankConsolePage.tsx').then((m) => ({ default: m.DatabankConsolePage })));
const DatasetEditPage = lazy(() => import('./features/databank/pages/DatasetEditPage.tsx').then((m) => ({ default: m.DatasetEditPage })));
const DashboardPage = lazy(() => import('./features/dashboard/pages/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const OpdDashboardPage = lazy(() => import('./features/dashboard/pages/OpdDashboardPage.tsx').then((m) => ({ default: m.OpdDashboardPage })));
const DashboardInputPage = lazy(() => import('./features/dashboard/pages/DashboardInputPage.tsx').then((m) => ({ default: m.DashboardInputPage })));
const AuditPage = lazy(() => import('./features/audit/pages/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const PublicRegistryPage = lazy(() => import('./features/ppid/pages/PublicRegistryPage.tsx').then((m) => ({ default: m.PublicRegistryPage })));
const PublicRequestPage = lazy(() => import('./features/ppid/pages/PublicRequestPage.tsx').then((m) => ({ default: m.PublicRequestPage })));
const PublicTrackPage = lazy(() => import('./features/ppid/pages/PublicTrackPage.tsx').then((m) => ({ default: m.PublicTrackPage })));
const PpidQueuePage = lazy(() => import('./features/ppid/pages/PpidQueuePage.tsx').then((m) => ({ default: m.PpidQueuePage })));
const PpidRequestPage = lazy(() => import('./features/ppid/pages/PpidRequestPage.tsx').then((m) => ({ default: m.PpidRequestPage })));
const PpidRegistryPage = lazy(() => import('./features/ppid/pages/PpidRegistryPage.tsx').then((m) => ({ default: m.PpidRegistryPage })));
const PpidReportPage = lazy(() => import('./features/ppid/pages/PpidReportPage.tsx').then((m) => ({ default: m.PpidReportPage })));
const IncidentBoardPage = lazy(() => import('./features/incidents/pages/IncidentBoardPage.tsx').then((m) => ({ default: m.IncidentBoardPage })));
const CallTakerPage = lazy(() => import('./features/incidents/pages/CallTakerPage.tsx').then((m) => ({ default: m.CallTakerPage })));
const IncidentDetailPage = lazy(() => import('./features/incidents/pages/IncidentDetailPage.tsx').then((m) => ({ default: m.IncidentDetailPage })));
const AgencyTasksPage = lazy(() => import('./features/incidents/pages/AgencyTasksPage.tsx').then((m) => ({ default: m.AgencyTasksPage })));
const IncidentSettingsPage = lazy(() => import('./features/incidents/pages/IncidentSettingsPage.tsx').then((m) => ({ default: m.IncidentSettingsPage })));
const IncidentStatsPage = lazy(() => import('./features/incidents/pages/IncidentStatsPage.tsx').then((m) => ({ default: m.IncidentStatsPage })));
const PlaybackPage = lazy(() => import('./features/playback/pages/PlaybackPage.tsx').then((m) => ({ default: m.PlaybackPage })));
const ExportsPage = lazy(() => import('./features/playback/pages/ExportsPage.tsx').then((m) => ({ default: m.ExportsPage })));
const StoragePage = lazy(() => import('./features/storage/pages/StoragePage.tsx').then((m) => ({ default: m.StoragePage })));
// Smart Displays in the console (the kiosk itself is its own page at /layar)
const DisplayListPage = lazy(() => import('./features/displays/pages/DisplayListPage.tsx').then((m) => ({ default: m.DisplayListPage })));
const DisplayDetailPage = lazy(() => import('./features/displays/pages/DisplayDetailPage.tsx').then((m) => ({ default: m.DisplayDetailPage })));
const ScenesPage = lazy(() => import('./features/displays/pages/ScenesPage.tsx').then((m) => ({ default: m.ScenesPage })));
const SceneEditPage = lazy(() => import('./features/displays/pages/SceneEditPage.tsx').then((m) => ({ default: m.SceneEditPage })));
const PlaylistsPage = lazy(() => import('./features/displays/pages/PlaylistsPage.tsx').then((m) => ({ default: m.PlaylistsPage })));
const PlaylistEditPage = lazy(() => import('./features/displays/pages/PlaylistEditPage.tsx').then((m) => ({ default: m.PlaylistEditPage })));

function guarded(action: Action, page: ReactNode) {
  return <RequirePermission action={action}>{page}</RequirePermission>;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<DataPublicLayout />}>
        <Route path="/data" element={<CatalogPage />} />
        <Route path="/data/dataset/:name" element={<DatasetPage />} />
      </Route>
      <Route path="/data/embed/:resourceId" element={<Suspense fallback={null}><EmbedChartPage /></Suspense>} />
      <Route element={<PpidPublicLayout />}>
        <Route path="/informasi-publik" element={<PublicRegistryPage />} />
        <Route path="/informasi-publik/permohonan" element={<PublicRequestPage />} />
        <Route path="/informasi-publik/lacak" element={<PublicTrackPage />} />
      </Route>
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
          <Route path="/bank-data" element={guarded('dataset.read', <DatabankConsolePage />)} />
          <Route path="/bank-data/baru" element={guarded('dataset.write', <DatasetEditPage />)} />
          <Route path="/bank-data/:id" element={guarded('dataset.read', <DatasetEditPage />)} />
          <Route path="/dashboard" element={guarded('dashboard.read', <DashboardPage />)} />
          <Route path="/dashboard/opd/:id" element={guarded('dashboard.read', <OpdDashboardPage />)} />
          <Route path="/dashboard/input" element={guarded('dashboard.write', <DashboardInputPage />)} />
          <Route path="/ppid" element={guarded('ppid.request.read', <PpidQueuePage />)} />
          <Route path="/daftar-informasi" element={guarded('ppid.registry.read', <PpidRegistryPage />)} />
          <Route path="/laporan-ppid" element={guarded('ppid.report.read', <PpidReportPage />)} />
          <Route path="/ppid/:id" element={guarded('ppid.request.read', <PpidRequestPage />)} />
          <Route path="/insiden" element={guarded('incident.read', <IncidentBoardPage />)} />
          <Route path="/insiden/baru" element={guarded('incident.create', <CallTakerPage />)} />
          <Route path="/insiden/statistik" element={guarded('incident.stats', <IncidentStatsPage />)} />
          <Route path="/insiden/pengaturan" element={guarded('incident.configure', <IncidentSettingsPage />)} />
          <Route path="/insiden/:id" element={guarded('incident.read', <IncidentDetailPage />)} />
          <Route path="/tugas" element={guarded('incident.task.update', <AgencyTasksPage />)} />
          <Route path="/putar-ulang" element={guarded('recording.view', <PlaybackPage />)} />
          <Route path="/ekspor" element={guarded('recording.export', <ExportsPage />)} />
          <Route path="/penyimpanan" element={guarded('storage.read', <StoragePage />)} />
          {/* Smart Displays */}
          <Route path="/tampilan" element={guarded('display.read', <DisplayListPage />)} />
          <Route path="/tampilan/adegan" element={guarded('display.manage', <ScenesPage />)} />
          <Route path="/tampilan/adegan/:id" element={guarded('display.manage', <SceneEditPage />)} />
          <Route path="/tampilan/playlist" element={guarded('display.manage', <PlaylistsPage />)} />
          <Route path="/tampilan/playlist/:id" element={guarded('display.manage', <PlaylistEditPage />)} />
          <Route path="/tampilan/:id" element={guarded('display.read', <DisplayDetailPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
