import { Fragment, useState } from 'react';
import { ActionIcon, Code, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { AuditEntry } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { SkeletonRows } from '../../../components/ui/SkeletonRows.tsx';
import { formatDateTime } from '../../../lib/format.ts';

const COLS = 6;

/** Audit rows; each row's details (free JSON) open beneath it. */
export function AuditTable({ entries }: { entries: AuditEntry[] | undefined }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36} />
            <Table.Th>{t('audit.at')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.target')}</Table.Th>
            <Table.Th>{t('audit.ip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!entries && <SkeletonRows cols={COLS} />}
          {entries?.map((e) => {
            const expanded = open.has(e.id);
            const hasDetails = Object.keys(e.details).length > 0;
            return (
              <Fragment key={e.id}>
                <Table.Tr data-testid="audit-row">
                  <Table.Td>
                    {hasDetails && (
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        onClick={() => toggle(e.id)}
                        aria-expanded={expanded}
                        aria-label={t('audit.details')}
                      >
                        {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                      </ActionIcon>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(e.at)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{e.actorLabel}</Table.Td>
                  <Table.Td>
                    <Code>{e.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    {e.targetType ? (
                      <Text size="sm">
                        {e.targetType}
                        {e.targetId && (
                          <Text span c="dimmed" size="xs" className="mono">
                            {' '}
                            {e.targetId}
                          </Text>
                        )}
                      </Text>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td className="mono">{e.ip ?? '—'}</Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td colSpan={COLS - 1}>
                      <Code block>{JSON.stringify(e.details, null, 2)}</Code>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
