import { useRef, type ReactNode } from 'react';
import { ActionIcon, Card, Group, Text, Tooltip } from '@mantine/core';
import { IconFileSpreadsheet, IconPhoto } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption, type EChartHandle } from './EChart.tsx';
import { downloadHref, downloadText } from '../../lib/download.ts';
import { toCsv } from '../../lib/csv.ts';

interface Props {
  title: string;
  option: ChartOption;
  /** The numbers behind the chart, exported as CSV: first row the header. */
  table: (string | number | null)[][];
  filename: string;
  height?: number | string;
  extra?: ReactNode;
  testId?: string;
}

/** A titled chart with PNG and CSV export buttons. */
export function ChartCard({ title, option, table, filename, height, extra, testId }: Props) {
  const { t } = useTranslation();
  const chart = useRef<EChartHandle>(null);
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600} size="sm">
          {title}
        </Text>
        <Group gap={4} wrap="nowrap">
          {extra}
          <Tooltip label={t('dashboard.exportPng')}>
            <ActionIcon variant="subtle" aria-label={t('dashboard.exportPng')} onClick={() => { const url = chart.current?.toPng(); if (url) downloadHref(`${filename}.png`, url); }}>
              <IconPhoto size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('dashboard.exportCsv')}>
            <ActionIcon variant="subtle" aria-label={t('dashboard.exportCsv')} onClick={() => downloadText(`${filename}.csv`, toCsv(table), 'text/csv;charset=utf-8')}>
              <IconFileSpreadsheet size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <EChart ref={chart} option={option} height={height} ariaLabel={title} />
    </Card>
  );
}
