import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { budgetEntrySchema, indicatorSchema, opdDetailSchema, overviewSchema, procurementSchema, serviceIndicatorSchema, trendPointSchema, type BudgetInput, type IndicatorInput, type ProcurementInput } from '@pantau/shared';
import { api } from './client.ts';
import { keys } from './keys.ts';
import { arrayOf } from './parsers.ts';

/** Figures change a few times a day; a wall display refetches every 5 minutes. */
const REFRESH = 5 * 60_000;

export function useOverview(year: number, quarter: number | null) {
  const f = { year, quarter };
  return useQuery({ queryKey: keys.dashboardOverview(f), queryFn: () => api.get('/api/dashboard/overview', overviewSchema, f), refetchInterval: REFRESH });
}

export function useTrend() {
  return useQuery({ queryKey: keys.dashboardTrend, queryFn: () => api.get('/api/dashboard/trend', arrayOf(trendPointSchema)), refetchInterval: REFRESH });
}

export function useOpdDetail(id: string | undefined, year: number, quarter: number | null) {
  const f = { year, quarter };
  return useQuery({ queryKey: keys.dashboardOpd(id ?? '', f), queryFn: () => api.get(`/api/dashboard/opd/${id}`, opdDetailSchema, f), enabled: !!id });
}

export function useServiceIndicators() {
  return useQuery({ queryKey: keys.dashboardServices, queryFn: () => api.get('/api/dashboard/service-indicators', arrayOf(serviceIndicatorSchema)), refetchInterval: REFRESH });
}

export function useSaveBudget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BudgetInput) => api.put('/api/dashboard/budgets', body, budgetEntrySchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.dashboard }),
  });
}

export function useSaveIndicator() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IndicatorInput) => api.put('/api/dashboard/indicators', body, indicatorSchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.dashboard }),
  });
}

export function useSaveProcurement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProcurementInput) => api.put('/api/dashboard/procurements', body, procurementSchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.dashboard }),
  });
}
