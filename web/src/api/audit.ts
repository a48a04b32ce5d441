import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditPageSchema } from '@pantau/shared';
import { api } from './client.ts';
import { keys } from './keys.ts';

export interface AuditFilters {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  /** ISO date-times with offset. */
  from?: string;
  to?: string;
}

export function useAuditPage(filters: AuditFilters, limit: number, offset: number) {
  const query = { ...filters, limit, offset };
  return useQuery({
    queryKey: keys.audit(query),
    queryFn: () => api.get('/api/audit', auditPageSchema, query),
    placeholderData: keepPreviousData,
  });
}
