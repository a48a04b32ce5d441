import { Paper, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { SopEditor } from '../components/settings/SopEditor.tsx';
import { RoutingEditor, SlaEditor } from '../components/settings/RoutingAndSla.tsx';

/** Admin: SOP checklists, routing rules and SLAs of incidents. */
export function IncidentSettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('incidents.settings.title')} subtitle={t('incidents.settings.subtitle')} />
      <Paper withBorder p="md">
        <Tabs defaultValue="sop">
          <Tabs.List mb="md">
            <Tabs.Tab value="sop">{t('incidents.settings.sop')}</Tabs.Tab>
            <Tabs.Tab value="routing">{t('incidents.settings.routing')}</Tabs.Tab>
            <Tabs.Tab value="sla">{t('incidents.settings.sla')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="sop"><SopEditor /></Tabs.Panel>
          <Tabs.Panel value="routing"><RoutingEditor /></Tabs.Panel>
          <Tabs.Panel value="sla"><SlaEditor /></Tabs.Panel>
        </Tabs>
      </Paper>
    </>
  );
}
