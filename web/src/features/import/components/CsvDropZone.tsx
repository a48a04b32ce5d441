import { useState, type DragEvent } from 'react';
import { Button, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileTypeCsv, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  file: File | null;
  onFile: (file: File) => void;
  disabled: boolean;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Drop a CSV here or pick one; shows the chosen file's name and size. */
export function CsvDropZone({ file, onFile, disabled }: Props) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f && !disabled) onFile(f);
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="xl"
      data-testid="csv-dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-cyan-5)' : undefined,
        background: over ? 'rgba(34, 184, 207, 0.06)' : undefined,
      }}
    >
      <Stack align="center" gap="xs">
        {file ? <IconFileTypeCsv size={40} stroke={1.3} /> : <IconUpload size={40} stroke={1.3} />}
        {file ? (
          <Text fw={600} data-testid="csv-filename">
            {file.name} <Text span c="dimmed" size="sm">({formatSize(file.size)})</Text>
          </Text>
        ) : (
          <Text fw={500}>{t('import.dropHere')}</Text>
        )}
        <Group gap="xs">
          <FileButton onChange={(f) => f && onFile(f)} accept=".csv,text/csv" disabled={disabled}>
            {(props) => (
              <Button {...props} variant="light" size="xs" disabled={disabled}>
                {file ? t('import.chooseOther') : t('import.choose')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('import.formatHint')}
        </Text>
      </Stack>
    </Paper>
  );
}
