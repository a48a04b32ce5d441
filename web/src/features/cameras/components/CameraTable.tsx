import { Table, Text } from '@mantine/core';
import type { Camera } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { StatusBadge, VisibilityBadge } from '../../../components/ui/Badges.tsx';
import { SkeletonRows } from '../../../components/ui/SkeletonRows.tsx';

interface Props {
  cameras: Camera[] | undefined;
  regionNames: Map<string, string>;
  onOpen: (id: string) => void;
}

const COLS = 6;

/** Cameras as rows; a row opens the camera (mouse or Enter). */
export function CameraTable({ cameras, regionNames, onOpen }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="camera-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.code')}</Table.Th>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th>{t('fields.region')}</Table.Th>
            <Table.Th>{t('fields.category')}</Table.Th>
            <Table.Th>{t('fields.visibility')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {!cameras && <SkeletonRows cols={COLS} />}
          {cameras?.map((c) => (
            <Table.Tr
              key={c.id}
              data-testid="camera-row"
              className="clickable-row"
              tabIndex={0}
              onClick={() => onOpen(c.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onOpen(c.id);
              }}
            >
              <Table.Td className="mono" style={{ whiteSpace: 'nowrap' }}>
                {c.code}
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {c.name}
                </Text>
              </Table.Td>
              <Table.Td>{regionNames.get(c.regionCode) ?? c.regionCode}</Table.Td>
              <Table.Td>{t(`category.${c.category}`)}</Table.Td>
              <Table.Td>
                <VisibilityBadge visibility={c.visibility} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StatusBadge status={c.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
