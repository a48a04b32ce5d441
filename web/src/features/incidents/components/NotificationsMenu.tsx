import { ActionIcon, Indicator, Menu, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useIncidentNotifications } from '../../../api/incidents.ts';
import { formatDateTime } from '../../../lib/format.ts';

/** The in-app notifications of the outbox: newest first; a click opens the incident. */
export function NotificationsMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useIncidentNotifications();
  const items = list.data ?? [];
  return (
    <Menu position="bottom-end" width={360} withinPortal>
      <Menu.Target>
        <Indicator disabled={!items.length} label={items.length} size={16} color="red">
          <ActionIcon variant="default" size="lg" aria-label={t('incidents.notifications.title')} data-testid="incident-notifications">
            <IconBell size={18} />
          </ActionIcon>
        </Indicator>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('incidents.notifications.title')}</Menu.Label>
        {!items.length && <Text size="sm" c="dimmed" px="sm" py="xs">{t('incidents.notifications.none')}</Text>}
        {items.slice(0, 10).map((n) => (
          <Menu.Item key={n.id} onClick={() => n.incidentId && void navigate(`/insiden/${n.incidentId}`)}>
            <Text size="sm">{n.subject}</Text>
            <Text size="xs" c="dimmed">{formatDateTime(n.createdAt)}</Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
