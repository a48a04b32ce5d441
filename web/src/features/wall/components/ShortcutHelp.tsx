import { ActionIcon, Kbd, Popover, Table, Text, Tooltip } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { wallPortal } from './portal.ts';

const ROWS = [
  { keys: ['1', '…', '6'], label: 'wall.keys.grid' },
  { keys: ['F'], label: 'wall.keys.fullscreen' },
  { keys: ['Spasi'], label: 'wall.keys.pause' },
  { keys: ['←', '→'], label: 'wall.keys.layouts' },
  { keys: ['Esc'], label: 'wall.keys.escape' },
  { keys: ['?'], label: 'wall.keys.help' },
] as const;

/** The wall's keyboard shortcuts, in a popover (also opened with "?"). */
export function ShortcutHelp({ opened, onChange }: { opened: boolean; onChange: (o: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Popover opened={opened} onChange={onChange} position="bottom-end" withArrow shadow="md" width={300} portalProps={wallPortal}>
      <Popover.Target>
        <Tooltip label={t('wall.keys.title')} disabled={opened} portalProps={wallPortal}>
          <ActionIcon variant="default" size="md" onClick={() => onChange(!opened)} aria-label={t('wall.keys.title')} data-testid="wall-help">
            <IconKeyboard size={16} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={600} mb={6}>
          {t('wall.keys.title')}
        </Text>
        <Table verticalSpacing={4} fz="xs">
          <Table.Tbody>
            {ROWS.map((r) => (
              <Table.Tr key={r.label}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {r.keys.map((k) => (k === '…' ? ' … ' : <Kbd key={k} size="xs" mr={2}>{k === 'Spasi' ? t('wall.keys.space') : k}</Kbd>))}
                </Table.Td>
                <Table.Td>{t(r.label)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Popover.Dropdown>
    </Popover>
  );
}
