import type { RefObject } from 'react';
import { Group, Skeleton, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { CameraMarker, WallGrid, WallLayout, WallTour } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ui/ConfirmModal.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { LayoutNameModal } from '../components/LayoutNameModal.tsx';
import { wallPortal, WALL_ELEMENT_ID } from '../components/portal.ts';
import { ShortcutHelp } from '../components/ShortcutHelp.tsx';
import { TourControls } from '../components/TourControls.tsx';
import { TourModal } from '../components/TourModal.tsx';
import { WallFocus } from '../components/WallFocus.tsx';
import { WallGrid as Grid } from '../components/WallGrid.tsx';
import { WallSidePanel } from '../components/WallSidePanel.tsx';
import { WallToolbar } from '../components/WallToolbar.tsx';
import type { Tour } from '../hooks/useTour.ts';
import type { Wall } from '../hooks/useWall.ts';
import { WallPushButton } from '../../displays/components/WallPushButton.tsx';
import type { useWallSaving } from '../hooks/useWallSaving.ts';

type Toggle = { opened: boolean; set: (o: boolean) => void };

interface Props {
  wallRef: RefObject<HTMLDivElement | null>;
  wall: Wall;
  tour: Tour;
  saving: ReturnType<typeof useWallSaving>;
  layouts: UseQueryResult<WallLayout[]>;
  tours: WallTour[];
  markers: UseQueryResult<CameraMarker[]>;
  cameras: Map<string, CameraMarker>;
  fullscreen: { active: boolean; toggle: () => void; idle: boolean };
  focus: { cell: number | null; cameraId: string | null; open: (cell: number) => void; close: () => void };
  help: Toggle;
  tourModal: Toggle;
  confirmDelete: Toggle;
  onGrid: (g: WallGrid) => void;
  onOpenDetail: (cameraId: string) => void;
}

/** Side panel of cameras beside the wall (toolbar over the grid, or one enlarged cell). */
export function VideoWallView(p: Props) {
  const { t } = useTranslation();
  const { state } = p.wall;
  const layoutName = p.layouts.data?.find((l) => l.id === state.layoutId)?.name;
  const onWall = new Set(state.cells.filter((c): c is string => c !== null));
  const error = p.layouts.error ?? p.markers.error;
  return (
    <Stack gap={0} h="calc(100dvh - 56px - 2 * var(--mantine-spacing-md))">
      <PageHeader title={t('wall.title')} subtitle={layoutName ? (state.dirty ? `${layoutName} · ${t('wall.unsaved')}` : layoutName) : t('wall.unsavedWall')} />
      {error && (
        <ErrorAlert
          error={error}
          onRetry={() => {
            void p.layouts.refetch();
            void p.markers.refetch();
          }}
        />
      )}
      <Group align="stretch" gap="sm" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        {p.markers.data ? (
          <WallSidePanel cameras={p.markers.data} onWall={onWall} selectedCell={state.selected} onPick={(id) => p.wall.assign(state.selected, id)} />
        ) : (
          <Skeleton w={280} />
        )}
        <div ref={p.wallRef} id={WALL_ELEMENT_ID} className={`wall${p.fullscreen.idle ? ' is-idle' : ''}`} data-testid="wall">
          <WallToolbar
            grid={state.grid}
            onGrid={p.onGrid}
            layouts={p.layouts.data ?? []}
            layoutId={state.layoutId}
            dirty={state.dirty}
            saving={p.saving.pending}
            onOpenLayout={(id) => {
              const l = p.layouts.data?.find((x) => x.id === id);
              if (l) p.wall.open(l);
            }}
            onSave={p.saving.save}
            onSaveAs={p.saving.saveAs}
            onNew={p.wall.reset}
            onDelete={() => p.confirmDelete.set(true)}
            fullscreen={p.fullscreen.active}
            onFullscreen={p.fullscreen.toggle}
            tour={
              <TourControls
                tours={p.tours}
                playback={p.tour.playback}
                onStart={p.tour.start}
                onManage={() => p.tourModal.set(true)}
                onPrev={p.tour.prev}
                onNext={p.tour.next}
                onTogglePause={p.tour.togglePause}
                onStop={p.tour.stop}
              />
            }
            help={<ShortcutHelp opened={p.help.opened} onChange={p.help.set} />}
            push={<WallPushButton cells={state.cells} grid={state.grid} cameras={p.cameras} portalTarget={wallPortal.target} />}
          />
          {p.focus.cameraId ? (
            <WallFocus cameraId={p.focus.cameraId} camera={p.cameras.get(p.focus.cameraId)} onBack={p.focus.close} />
          ) : p.layouts.isPending && state.layoutId === null ? (
            <Skeleton style={{ flex: 1 }} />
          ) : (
            <Grid
              grid={state.grid}
              cells={state.cells}
              selected={state.selected}
              cameras={p.cameras}
              onSelect={p.wall.select}
              onAssign={p.wall.assign}
              onMove={p.wall.move}
              onClear={p.wall.clear}
              onOpenDetail={p.onOpenDetail}
              onFocus={p.focus.open}
            />
          )}
          <LayoutNameModal
            key={String(p.saving.naming)}
            opened={p.saving.naming}
            pending={p.saving.pending}
            error={p.saving.nameError}
            onClose={p.saving.cancelName}
            onSubmit={p.saving.submitName}
          />
          <TourModal opened={p.tourModal.opened} onClose={() => p.tourModal.set(false)} tours={p.tours} layouts={p.layouts.data ?? []} />
          <ConfirmModal
            opened={p.confirmDelete.opened}
            title={t('wall.deleteTitle')}
            body={t('wall.deleteBody', { name: layoutName ?? '' })}
            confirmLabel={t('common.delete')}
            pending={p.saving.deletePending}
            error={p.saving.deleteError ? errorMessage(t, p.saving.deleteError) : null}
            onClose={() => p.confirmDelete.set(false)}
            onConfirm={() => p.saving.remove(() => p.confirmDelete.set(false))}
            portalTarget={wallPortal.target}
          />
        </div>
      </Group>
    </Stack>
  );
}
