import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLock, IconLogout } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../../../api/session.ts';
import { ChangePasswordModal } from '../../auth/components/ChangePasswordModal.tsx';
import { useCan, useMe } from '../../auth/hooks/useMe.ts';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const logout = useLogout();
  const [pwOpen, pw] = useDisclosure(false);

  return (
    <>
      <Menu position="bottom-end" width={220} shadow="md">
        <Menu.Target>
          <UnstyledButton data-testid="user-menu" aria-label={t('shell.userMenu')}>
            <Group gap={8} wrap="nowrap">
              <Avatar size={30} radius="xl" color="cyan">
                {initials(me.displayName || me.username)}
              </Avatar>
              <div style={{ lineHeight: 1.1 }}>
                <Text size="sm" fw={500} visibleFrom="sm">
                  {me.displayName || me.username}
                </Text>
                <Text size="xs" c="dimmed" visibleFrom="sm">
                  {t(`roles.${me.role}`)}
                </Text>
              </div>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{me.username}</Menu.Label>
          <Menu.Item leftSection={<IconLock size={16} />} onClick={pw.open}>
            {t('auth.changePassword')}
          </Menu.Item>
          {can('token.manage') && (
            <Menu.Item leftSection={<IconKey size={16} />} onClick={() => void navigate('/tokens')}>
              {t('nav.tokens')}
            </Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Item
            color="red"
            leftSection={<IconLogout size={16} />}
            onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
          >
            {t('shell.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={pwOpen} onClose={pw.close} />
    </>
  );
}
