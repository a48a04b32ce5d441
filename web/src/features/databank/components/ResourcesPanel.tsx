import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Card, FileInput, Group, Progress, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { resourceUploadResultSchema, type Dataset } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { keys } from '../../../api/keys.ts';
import { useDeleteResource, useLinkResource } from '../../../api/opendata.ts';
import { useTableUpload } from '../../../api/tableUpload.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { RowErrors } from './RowErrors.tsx';

/** Resources of a dataset: upload CSV/XLSX into the datastore (check first, then save), link a URL, remove. */
export function ResourcesPanel({ d, editable }: { d: Dataset; editable: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [link, setLink] = useState({ name: '', url: '', format: 'PDF' });
  const upload = useTableUpload(resourceUploadResultSchema, () => qc.invalidateQueries({ queryKey: keys.datasets }));
  const addLink = useLinkResource();
  const remove = useDeleteResource();
  const url = (dryRun: boolean) => `/api/opendata/datasets/${d.id}/resources/upload?${new URLSearchParams({ name: name || file?.name || 'Data', dryRun: String(dryRun) })}`;
  return (
    <Card withBorder padding="sm">
      <Text fw={600} mb="xs">{t('databank.resources')}</Text>
      <Stack gap={6} mb="sm">
        {d.resources.length === 0 && <Text size="sm" c="dimmed">{t('databank.noResources')}</Text>}
        {d.resources.map((r) => (
          <Group key={r.id} gap="sm" wrap="nowrap">
            <Badge color="teal">{r.format}</Badge>
            <Text size="sm" flex={1}>{r.name}</Text>
            {r.datastoreActive && <Text size="xs" c="dimmed">{t('databank.rowCount', { count: r.rowCount })}</Text>}
            {editable && <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} onClick={() => remove.mutate(r.id)}><IconTrash size={16} /></ActionIcon>}
          </Group>
        ))}
      </Stack>
      {editable && (
        <Stack gap="sm">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <FileInput w={260} label={t('databank.upload.file')} accept=".csv,.xlsx" value={file} onChange={(f) => { setFile(f); upload.reset(); }} leftSection={<IconUpload size={16} />} data-testid="upload-file" />
            <TextInput w={220} label={t('databank.upload.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
            <Button variant="default" disabled={!file} loading={upload.running} onClick={() => file && void upload.run(url(true), file, true)}>{t('databank.upload.check')}</Button>
            <Button disabled={!file} loading={upload.running} onClick={() => file && void upload.run(url(false), file, false)} data-testid="upload-save">{t('databank.upload.save')}</Button>
          </Group>
          {upload.progress !== null && upload.running && <Progress value={upload.progress * 100} />}
          {upload.error !== null && <ErrorAlert error={upload.error} />}
          {upload.result && !upload.result.ok && <RowErrors errors={upload.result.errors} rows={upload.result.rows} />}
          {upload.result?.ok && (
            <Alert color="green" variant="light" data-testid="upload-ok">
              {upload.result.resource ? t('databank.upload.saved', { rows: upload.result.rows }) : t('databank.upload.checked', { rows: upload.result.rows })}{' '}
              {upload.result.fields.map((f) => `${f.id}: ${f.type}`).join(', ')}
            </Alert>
          )}
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput w={200} label={t('databank.link.name')} value={link.name} onChange={(e) => setLink({ ...link, name: e.currentTarget.value })} />
            <TextInput w={280} label={t('databank.link.url')} value={link.url} onChange={(e) => setLink({ ...link, url: e.currentTarget.value })} placeholder="https://" />
            <TextInput w={90} label={t('databank.link.format')} value={link.format} onChange={(e) => setLink({ ...link, format: e.currentTarget.value })} />
            <Button variant="default" disabled={!link.name || !link.url} loading={addLink.isPending} onClick={() => addLink.mutate({ datasetId: d.id, description: '', ...link }, { onSuccess: () => setLink({ name: '', url: '', format: 'PDF' }) })}>{t('databank.link.add')}</Button>
          </Group>
          {addLink.isError && <ErrorAlert error={addLink.error} />}
        </Stack>
      )}
    </Card>
  );
}
