import { useState } from 'react';
import { ActionIcon, Group, ScrollArea, Select, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconTrash } from '@tabler/icons-react';
import type { Bookmark } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatStamp, formatTime } from '../../../components/timeline/time.ts';
import { useBookmarks, useDeleteBookmark } from '../api/recordings.ts';

interface Props {
  cameras: { id: string; name: string }[];
  canWrite: boolean;
  onJump: (b: Bookmark) => void;
}

const ALL = '*';

/** Bookmarks of the grid's cameras (or of every camera), searchable by note; a click jumps there. */
export function BookmarkPanel({ cameras, canWrite, onJump }: Props) {
  const { t } = useTranslation();
  const [camera, setCamera] = useState<string>(ALL);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const cameraId = camera === ALL ? undefined : camera;
  const list = useBookmarks({ cameraId, q: debounced || undefined });
  const remove = useDeleteBookmark();
  const inGrid = new Set(cameras.map((c) => c.id));
  // "All" lists every camera's bookmarks the user may see; the grid's come first when sorted by time anyway.
  const items = list.data?.items ?? [];

  return (
    <Stack gap={8} style={{ minHeight: 0, flex: 1 }}>
      <Select
        size="xs"
        aria-label={t('playback.camera')}
        data={[{ value: ALL, label: t('playback.allCameras') }, ...cameras.map((c) => ({ value: c.id, label: c.name }))]}
        value={camera}
        onChange={(v) => setCamera(v ?? ALL)}
        allowDeselect={false}
      />
      <TextInput
        size="xs"
        leftSection={<IconSearch size={14} />}
        placeholder={t('playback.searchBookmarks')}
        aria-label={t('playback.searchBookmarks')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-testid="bookmark-search"
      />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <ScrollArea.Autosize mah={420} type="auto" scrollbars="y" offsetScrollbars>
        <Stack gap={2} data-testid="bookmark-list">
          {items.map((b) => (
            <Group key={b.id} gap={4} wrap="nowrap" className="pb-list-item">
              <UnstyledButton style={{ flex: 1, minWidth: 0 }} onClick={() => onJump(b)} data-testid="bookmark-item" title={t('playback.jumpHere')}>
                <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                  {b.note}
                </Text>
                <Text size="xs" c="dimmed" truncate="end">
                  {formatStamp(b.start)}
                  {b.end ? `–${formatTime(Date.parse(b.end))}` : ''} · {inGrid.has(b.cameraId) ? b.cameraName : `${b.cameraName} ↗`}
                </Text>
              </UnstyledButton>
              {canWrite && (
                <ActionIcon variant="subtle" color="gray" size="sm" loading={remove.isPending && remove.variables === b.id} onClick={() => remove.mutate(b.id)} aria-label={t('playback.deleteBookmark')}>
                  <IconTrash size={14} />
                </ActionIcon>
              )}
            </Group>
          ))}
          {list.isSuccess && items.length === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="md">
              {debounced ? t('common.nothingFound') : t('playback.noBookmarks')}
            </Text>
          )}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
