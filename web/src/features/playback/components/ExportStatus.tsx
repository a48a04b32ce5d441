import { Alert, Anchor, Badge, Group, List, Progress, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileZip } from '@tabler/icons-react';
import type { Export } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatStamp, formatTime } from '../../../components/timeline/time.ts';
import { formatBytes } from '../../storage/format.ts';
import { useExport } from '../api/recordings.ts';

const STATUS_COLOR: Record<Export['status'], string> = { queued: 'gray', running: 'cyan', done: 'green', failed: 'red' };

export function ExportStatusBadge({ status }: { status: Export['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="export-status" data-status={status}>
      {t(`playback.exportStatus.${status}`)}
    </Badge>
  );
}

/** An export's progress, polled every second, then its downloads and the gaps it could not fill. */
export function ExportStatus({ id, cameraNames }: { id: string; cameraNames: Map<string, string> }) {
  const { t } = useTranslation();
  const q = useExport(id);
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const e = q.data;
  const pct = Math.round((e?.progress ?? 0) * 100);
  return (
    <Stack gap="sm" data-testid="export-progress">
      <Group justify="space-between">
        {e ? <ExportStatusBadge status={e.status} /> : <Badge variant="light">…</Badge>}
        <Text size="sm" c="dimmed">
          {pct}%
        </Text>
      </Group>
      <Progress value={e?.status === 'done' ? 100 : pct} animated={!e || e.status === 'queued' || e.status === 'running'} aria-label={t('playback.exportProgress')} />
      {e?.status === 'failed' && (
        <Alert color="red" variant="light" title={t('playback.exportFailed')}>
          {e.error ?? t('errors.unknown')}
        </Alert>
      )}
      {e?.status === 'done' && <ExportDownloads exp={e} cameraNames={cameraNames} />}
    </Stack>
  );
}

/** Download links of a finished export: the ZIP, each file, the manifest and its signature. */
export function ExportDownloads({ exp, cameraNames }: { exp: Export; cameraNames: Map<string, string> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="export-downloads">
      {exp.zipUrl && (
        <Anchor href={exp.zipUrl} download data-testid="export-zip">
          <Group gap={6}>
            <IconFileZip size={16} />
            {t('playback.downloadZip')}
          </Group>
        </Anchor>
      )}
      <List size="sm" spacing={4} icon={<IconDownload size={14} />}>
        {exp.files.map((f) => (
          <List.Item key={f.url}>
            <Anchor href={f.url} download={f.name} data-testid="export-file">
              {f.name}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              {cameraNames.get(f.cameraId) ?? ''} · {formatTime(Date.parse(f.start))}–{formatTime(Date.parse(f.end))} · {formatBytes(f.bytes)}
            </Text>
          </List.Item>
        ))}
        {exp.manifestUrl && (
          <List.Item>
            <Anchor href={exp.manifestUrl} download data-testid="export-manifest">
              {t('playback.manifest')}
            </Anchor>
          </List.Item>
        )}
        {exp.signatureUrl && (
          <List.Item>
            <Anchor href={exp.signatureUrl} download data-testid="export-signature">
              {t('playback.signature')}
            </Anchor>
          </List.Item>
        )}
      </List>
      {exp.gaps.length > 0 && (
        <Alert color="yellow" variant="light" title={t('playback.exportGaps', { count: exp.gaps.length })} data-testid="export-gaps">
          <List size="xs">
            {exp.gaps.map((g) => (
              <List.Item key={`${g.cameraId}${g.start}`}>
                {cameraNames.get(g.cameraId) ?? g.cameraId}: {formatStamp(g.start)} – {formatTime(Date.parse(g.end))}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
