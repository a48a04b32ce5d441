import { useMemo, useState } from 'react';
import { Grid, Paper, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Timeline } from '../../../components/timeline/Timeline.tsx';
import { BookmarkModal } from '../components/BookmarkModal.tsx';
import { BookmarkPanel } from '../components/BookmarkPanel.tsx';
import { ExportModal } from '../components/ExportModal.tsx';
import { HoldModal } from '../components/HoldModal.tsx';
import { HoldPanel } from '../components/HoldPanel.tsx';
import { PlaybackControls } from '../components/PlaybackControls.tsx';
import { PlaybackGrid } from '../components/PlaybackGrid.tsx';
import type { Range } from '../components/RangeFields.tsx';
import { usePlaybackSession } from '../hooks/usePlaybackSession.ts';
import { usePlaybackShortcuts } from '../hooks/usePlaybackShortcuts.ts';
import { useTimelines } from '../hooks/useTimelines.ts';
import { playbackPath } from '../link.ts';

export interface PlaybackPermissions {
  bookmark: boolean;
  export: boolean;
  hold: boolean;
  release: boolean;
}

interface Props {
  cameras: { id: string; name: string }[];
  initialT: number;
  can: PlaybackPermissions;
  /** Show a camera that is not in the grid yet (a bookmark or hold elsewhere); false when the grid is full. */
  onAddCamera: (id: string) => boolean;
  onLive: (cameraId: string) => void;
}

/** Without in/out points, a dialog's range starts as the 30 s around the clock. */
const DEFAULT_HALF_RANGE_MS = 15_000;

/** The playback screen: synchronized grid, controls, timeline, bookmarks and holds, export and hold dialogs. */
export function PlaybackView({ cameras, initialT, can, onAddCamera, onLive }: Props) {
  const { t } = useTranslation();
  const ids = useMemo(() => cameras.map((c) => c.id), [cameras]);
  const s = usePlaybackSession(ids, initialT);
  const rows = useTimelines(cameras, s.view);
  const [dialog, setDialog] = useState<'bookmark' | 'export' | 'hold' | null>(null);
  const [openedAt, setOpenedAt] = useState(initialT);
  const [tab, setTab] = useState<string | null>('bookmarks');

  const open = (d: 'bookmark' | 'export' | 'hold') => {
    if (cameras.length === 0) return;
    setOpenedAt(s.clock.now());
    s.clock.pause();
    setDialog(d);
  };
  const range: Range =
    s.marks.in !== null && s.marks.out !== null && s.marks.out > s.marks.in
      ? { from: s.marks.in, to: s.marks.out }
      : { from: openedAt - DEFAULT_HALF_RANGE_MS, to: openedAt + DEFAULT_HALF_RANGE_MS };
  const jump = (cameraId: string, at: number) => {
    if (ids.includes(cameraId) || onAddCamera(cameraId)) s.setFocused(cameraId);
    s.seek(at);
  };

  usePlaybackShortcuts({
    toggle: () => s.clock.toggle(),
    step: s.step,
    zoom: s.zoom,
    markIn: s.markIn,
    markOut: s.markOut,
    bookmark: () => {
      if (can.bookmark) open('bookmark');
    },
    clearMarks: s.clearMarks,
  });

  return (
    <Grid gap="sm">
      {/* Picture, controls and timeline first; the lists beside them (below them on a phone). */}
      <Grid.Col span={{ base: 12, lg: 9 }}>
        <Stack gap="sm">
          <PlaybackGrid cameras={cameras} playback={s.playback} clock={s.clock} focusedId={s.focusedId} onFocus={s.setFocused} />
          <PlaybackControls
            session={s}
            can={{ bookmark: can.bookmark, export: can.export, hold: can.hold }}
            onBookmark={() => open('bookmark')}
            onExport={() => open('export')}
            onHold={() => open('hold')}
            onLive={() => s.focusedId && onLive(s.focusedId)}
            onCopyLink={() => {
              const url = `${window.location.origin}${playbackPath(ids, s.clock.now())}`;
              // Without clipboard access (permissions, plain HTTP) the link is shown to copy by hand.
              // `navigator.clipboard` is missing outside secure contexts despite its type.
              (navigator.clipboard?.writeText(url) ?? Promise.reject(new Error('no clipboard'))).then(
                () => notifications.show({ id: 'playback-link', color: 'green', message: t('playback.linkCopied') }),
                () => notifications.show({ id: 'playback-link', color: 'gray', autoClose: false, message: url }),
              );
            }}
          />
          {cameras.length > 0 && <Timeline view={s.view} onView={s.setView} rows={rows} playhead={s.t} marks={s.marks} onSeek={s.seek} />}
          <Text size="xs" c="dimmed">
            {t('playback.shortcuts')}
          </Text>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 3 }}>
        <Paper withBorder radius="md" p="xs">
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List grow mb="xs">
              <Tabs.Tab value="bookmarks">{t('playback.bookmarks')}</Tabs.Tab>
              <Tabs.Tab value="holds" data-testid="tab-holds">
                {t('playback.holds')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="bookmarks">
              <BookmarkPanel cameras={cameras} canWrite={can.bookmark} onJump={(b) => jump(b.cameraId, Date.parse(b.start))} />
            </Tabs.Panel>
            <Tabs.Panel value="holds">
              <HoldPanel canRelease={can.release} onJump={(h) => jump(h.cameraId, Date.parse(h.start))} />
            </Tabs.Panel>
          </Tabs>
        </Paper>
      </Grid.Col>
      <BookmarkModal opened={dialog === 'bookmark'} onClose={() => setDialog(null)} cameras={cameras} cameraId={s.focusedId} at={openedAt} marks={s.marks} />
      <ExportModal opened={dialog === 'export'} onClose={() => setDialog(null)} cameras={cameras} range={range} canHold={can.hold} />
      <HoldModal opened={dialog === 'hold'} onClose={() => setDialog(null)} cameras={cameras} cameraId={s.focusedId} range={range} />
    </Grid>
  );
}
