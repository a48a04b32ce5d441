import type { ReactNode } from 'react';
import { Badge, Group, Table, Text } from '@mantine/core';
import type { Camera } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { StatusBadge, VisibilityBadge } from '../../../components/ui/Badges.tsx';
import { formatCoord, formatDateTime } from '../../../lib/format.ts';
import { reasonText } from '../../../lib/live/reasons.ts';
import { InfoRow } from '../../../components/ui/InfoRow.tsx';

interface Props {
  camera: Camera;
  regionName: string | undefined;
  organizationName: string | undefined;
}


/** Every field of a camera; stream URLs only when the server sent them (camera.stream.read). */
export function CameraInfo({ camera: c, regionName, organizationName }: Props) {
  const { t } = useTranslation();
  const dash = '—';
  return (
    <Table verticalSpacing={6} data-testid="camera-info">
      <Table.Tbody>
        <InfoRow label={t('fields.code')}>
          <span className="mono">{c.code}</span>
        </InfoRow>
        <InfoRow label={t('fields.name')}>{c.name}</InfoRow>
        <InfoRow label={t('fields.region')}>
          <span className="mono">{c.regionCode}</span> {regionName ?? ''}
        </InfoRow>
        <InfoRow label={t('fields.address')}>{c.address || dash}</InfoRow>
        <InfoRow label={t('fields.coordinates')}>
          <span className="mono">
            {formatCoord(c.lat)}, {formatCoord(c.lng)}
          </span>
        </InfoRow>
        <InfoRow label={t('fields.category')}>{t(`category.${c.category}`)}</InfoRow>
        <InfoRow label={t('fields.organization')}>{organizationName ?? dash}</InfoRow>
        <InfoRow label={t('fields.visibility')}>
          <VisibilityBadge visibility={c.visibility} />
        </InfoRow>
        <InfoRow label={t('fields.tags')}>
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
        </InfoRow>
        <InfoRow label={t('fields.enabled')}>{c.enabled ? t('common.yes') : t('common.no')}</InfoRow>
        <InfoRow label={t('fields.status')}>
          <Group gap="xs">
            <StatusBadge status={c.status} />
            {c.statusReason && (
              <Text size="sm" c="dimmed">
                {reasonText(t, c.statusReason)}
              </Text>
            )}
          </Group>
        </InfoRow>
        <InfoRow label={t('fields.lastFrameAt')}>{formatDateTime(c.lastFrameAt)}</InfoRow>
        {c.mainUrl !== undefined && (
          <>
            <InfoRow label={t('fields.mainUrl')}>
              <Text className="mono" size="sm" style={{ wordBreak: 'break-all' }}>
                {c.mainUrl}
              </Text>
            </InfoRow>
            <InfoRow label={t('fields.subUrl')}>
              <Text className="mono" size="sm" style={{ wordBreak: 'break-all' }}>
                {c.subUrl ?? dash}
              </Text>
            </InfoRow>
            <InfoRow label={t('fields.credentials')}>{c.hasCredentials ? t('cameras.credentialsStored') : t('cameras.credentialsNone')}</InfoRow>
          </>
        )}
        <InfoRow label={t('fields.createdAt')}>{formatDateTime(c.createdAt)}</InfoRow>
        <InfoRow label={t('fields.updatedAt')}>{formatDateTime(c.updatedAt)}</InfoRow>
      </Table.Tbody>
    </Table>
  );
}
