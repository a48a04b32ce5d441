import { ActionIcon, CopyButton, Group, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { PASSWORD_MIN } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { generatePassword } from '../../../lib/password.ts';

interface Props {
  label: string;
  value: string;
  error?: string;
  required?: boolean;
  onChange: (v: string) => void;
}

/** A visible password field with "generate" and "copy", for temporary passwords given to users. */
export function TempPasswordInput({ label, value, error, required, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label}
      description={t('users.tempPasswordHint', { count: PASSWORD_MIN })}
      required={required}
      value={value}
      error={error}
      autoComplete="new-password"
      classNames={{ input: 'mono' }}
      onChange={(e) => onChange(e.currentTarget.value)}
      rightSectionWidth={64}
      rightSection={
        <Group gap={2} wrap="nowrap">
          <Tooltip label={t('users.generate')}>
            <ActionIcon variant="subtle" size="sm" aria-label={t('users.generate')} onClick={() => onChange(generatePassword())}>
              <IconRefresh size={14} />
            </ActionIcon>
          </Tooltip>
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
                <ActionIcon variant="subtle" size="sm" color={copied ? 'teal' : undefined} aria-label={t('common.copy')} onClick={copy} disabled={!value}>
                  {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      }
    />
  );
}
