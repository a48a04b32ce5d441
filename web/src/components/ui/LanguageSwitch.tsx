import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../i18n/index.ts';

/** ID/EN toggle; the choice is stored in localStorage by the i18n module. */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <SegmentedControl
      data-testid="lang-switch"
      size="xs"
      aria-label={t('lang.label')}
      value={i18n.language}
      onChange={(lng) => void i18n.changeLanguage(lng as Language)}
      data={LANGUAGES.map((l) => ({ value: l, label: l.toUpperCase() }))}
    />
  );
}
