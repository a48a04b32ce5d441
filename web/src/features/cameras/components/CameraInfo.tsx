import type { ReactNode } from 'react';
import { Badge, Group, Table, Text } from '@mantine/core';
import type { Camera } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { StatusBadge, VisibilityBadge } from '../../../components/ui/Badges.tsx';
import { formatCoord, formatDateTime } from '../../../lib/format.ts';
import { reasonText } from '../../../lib/live/reasons.ts';

interface Props {
  camera: Camera;
  regionName: string | undefined;
  organizationName: string | undefined;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={180} c="dimmed" fw={500}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** Every field of a camera; stream URLs only when the server sent them (camera.stream.read). */
export function CameraInfo({ camera: c, regionName, organizationName }: Props) {
  const { t } = useTranslation();
  const dash = '—';
  return (
    <Table verticalSpacing={6} data-testid="camera-info">
      <Table.Tbody>
        <Row label={t('fields.code')}>
          <span className="mono">{c.code}</span>
        </Row>
        <Row label={t('fields.name')}>{c.name}</Row>
        <Row label={t('fields.region')}>
          <span className="mono">{c.regionCode}</span> {regionName ?? ''}
        </Row>
        <Row label={t('fields.address')}>{c.address || dash}</Row>
        <Row label={t('fields.coordinates')}>
          <span className="mono">
            {formatCoord(c.lat)}, {formatCoord(c.lng)}
          </span>
        </Row>
        <Row label={t('fields.category')}>{t(`category.${c.category}`)}</Row>
        <Row label={t('fields.organization')}>{organizationName ?? dash}</Row>
        <Row label={t('fields.visibility')}>
          <VisibilityBadge visibility={c.visibility} />
        </Row>
        <Row label={t('fields.tags')}>
          {c.tags.length ? (
            <Group gap={4}>
              {c.tags.map((tag) => (
                <Badge key={tag} variant="default" size="sm">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : (
            dash
          )}
        </Row>
        <Row label={t('fields.enabled')}>{c.enabled ? t('common.yes') : t('common.no')}</Row>
        <Row label={t('fields.status')}>
          <Group gap="xs">
            <StatusBadge status={c.status} />
            {c.statusReason && (
              <Text size="sm" c="dimmed">
                {reasonText(t, c.statusReason)}
              </Text>
            )}
          </Group>
        </Row>
        <Row label={t('fields.lastFrameAt')}>{formatDateTime(c.lastFrameAt)}</Row>
        {c.mainUrl !== undefined && (
          <>
            <Row label={t('fields.mainUrl')}>
              <Text className="mono" size="sm" style={{ wordBreak: 'break-all' }}>
                {c.mainUrl}
              </Text>
            </Row>
            <Row label={t('fields.subUrl')}>
              <Text className="mono" size="sm" style={{ wordBreak: 'break-all' }}>
                {c.subUrl ?? dash}
              </Text>
            </Row>
            <Row label={t('fields.credentials')}>{c.hasCredentials ? t('cameras.credentialsStored') : t('cameras.credentialsNone')}</Row>
          </>
        )}
        <Row label={t('fields.createdAt')}>{formatDateTime(c.createdAt)}</Row>
        <Row label={t('fields.updatedAt')}>{formatDateTime(c.updatedAt)}</Row>
      </Table.Tbody>
    </Table>
  );
}
