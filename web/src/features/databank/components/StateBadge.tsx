import { Badge } from '@mantine/core';
import type { DatasetState } from '@pantau/shared';
import { useTranslation } from 'react-i18next';

const COLOR: Record<DatasetState, string> = { draft: 'gray', submitted: 'yellow', verified: 'blue', published: 'green' };

/** Where a dataset stands in the walidata review. */
export function StateBadge({ state }: { state: DatasetState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[state]} variant="light" data-testid="dataset-state">
      {t(`databank.state.${state}`)}
    </Badge>
  );
}
