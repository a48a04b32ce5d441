import { useState } from 'react';
import { Button, Group, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface AuditFilterValues {
  action: string;
  targetType: string;
  fromDay: string;
  toDay: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilterValues = { action: '', targetType: '', fromDay: '', toDay: '' };

interface Props {
  value: AuditFilterValues;
  onChange: (v: AuditFilterValues) => void;
}

/** Action and target type (debounced text) and a day range in WIB. */
export function AuditFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState({ action: value.action, targetType: value.targetType });
  const push = useDebouncedCallback((next: AuditFilterValues) => onChange(next), 300);
  const setTextField = (key: 'action' | 'targetType', v: string) => {
    const nextText = { ...text, [key]: v };
    setText(nextText);
    push({ ...value, ...nextText });
  };
  const active = Object.values(value).some(Boolean);
  return (
    <Group gap="sm" align="flex-end" mb="md">
      <TextInput
        label={t('audit.action')}
        placeholder={t('audit.actionPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={text.action}
        onChange={(e) => setTextField('action', e.currentTarget.value)}
        w={{ base: '100%', sm: 220 }}
      />
      <TextInput
        label={t('audit.targetType')}
        placeholder={t('audit.targetTypePlaceholder')}
        value={text.targetType}
        onChange={(e) => setTextField('targetType', e.currentTarget.value)}
        w={{ base: '100%', sm: 180 }}
      />
      <TextInput
        type="date"
        label={t('audit.from')}
        value={value.fromDay}
        max={value.toDay || undefined}
        onChange={(e) => onChange({ ...value, fromDay: e.currentTarget.value })}
        w={{ base: '100%', sm: 170 }}
      />
      <TextInput
        type="date"
        label={t('audit.to')}
        value={value.toDay}
        min={value.fromDay || undefined}
        onChange={(e) => onChange({ ...value, toDay: e.currentTarget.value })}
        w={{ base: '100%', sm: 170 }}
      />
      {active && (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconX size={14} />}
          onClick={() => {
            setText({ action: '', targetType: '' });
            onChange(EMPTY_AUDIT_FILTERS);
          }}
        >
          {t('common.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
