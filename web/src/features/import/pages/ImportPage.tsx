import { useState } from 'react';
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconChecklist, IconDownload, IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { downloadCameraTemplate } from '../../../lib/download.ts';
import { CsvDropZone } from '../components/CsvDropZone.tsx';
import { ImportResultPanel } from '../components/ImportResultPanel.tsx';
import { useCameraImport } from '../hooks/useCameraImport.ts';

/** Camera CSV import: check first (dry run), then import; all-or-nothing on the server. */
export function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const imp = useCameraImport();
  const busy = imp.running !== null;

  return (
    <Stack gap="md" maw={980}>
      <PageHeader
        title={t('import.title')}
        subtitle={t('import.subtitle')}
        actions={
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={downloadCameraTemplate}>
            {t('import.template')}
          </Button>
        }
      />
      <CsvDropZone
        file={file}
        disabled={busy}
        onFile={(f) => {
          setFile(f);
          imp.reset();
        }}
      />
      <Group>
        <Button
          variant="light"
          leftSection={<IconChecklist size={16} />}
          disabled={!file || busy}
          loading={imp.running === 'check'}
          onClick={() => file && void imp.run(file, true)}
          data-testid="import-check"
        >
          {t('import.check')}
        </Button>
        <Button
          leftSection={<IconFileImport size={16} />}
          disabled={!file || busy}
          loading={imp.running === 'import'}
          onClick={() => file && void imp.run(file, false)}
          data-testid="import-run"
        >
          {t('import.run')}
        </Button>
      </Group>
      {imp.progress !== null && busy && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {imp.progress < 1 ? t('import.uploading', { percent: Math.round(imp.progress * 100) }) : t('import.processing')}
          </Text>
          <Progress value={imp.progress * 100} animated={imp.progress >= 1} data-testid="import-progress" />
        </Stack>
      )}
      {imp.error !== null && <ErrorAlert error={imp.error} title={t('import.requestFailed')} />}
      {imp.outcome && <ImportResultPanel outcome={imp.outcome} />}
    </Stack>
  );
}
