import type { TrafficLight } from '@pantau/shared';

/**
 * Deviation thresholds of the traffic light, in percentage points behind the S-curve target
 * (e-Monev practice): within 5 points green, within 10 yellow, further behind red. The worse of
 * the financial and physical deviations decides.
 */
export const YELLOW_AT = -5;
export const RED_AT = -10;

const round = (n: number) => Math.round(n * 100) / 100;

export interface Progress {
  pagu: number;
  realization: number;
  financialPct: number;
  physicalPct: number;
  targetFinancialPct: number;
  targetPhysicalPct: number;
  deviationFinancial: number;
  deviationPhysical: number;
  status: TrafficLight;
}

export function light(devFinancial: number, devPhysical: number): TrafficLight {
  const worst = Math.min(devFinancial, devPhysical);
  return worst >= YELLOW_AT ? 'hijau' : worst >= RED_AT ? 'kuning' : 'merah';
}

/**
 * Progress of several programs together: financial % is realization over pagu; physical progress
 * and targets are weighted by pagu, as RFK sheets weigh them.
 */
export function combine(items: { pagu: number; realization: number; physicalPct: number; targetFinancialPct: number; targetPhysicalPct: number }[]): Progress {
  const pagu = items.reduce((s, i) => s + i.pagu, 0);
  const realization = items.reduce((s, i) => s + i.realization, 0);
  const weighted = (k: 'physicalPct' | 'targetFinancialPct' | 'targetPhysicalPct') => (pagu > 0 ? items.reduce((s, i) => s + i[k] * i.pagu, 0) / pagu : 0);
  const financialPct = pagu > 0 ? (realization / pagu) * 100 : 0;
  const physicalPct = weighted('physicalPct');
  const targetFinancialPct = weighted('targetFinancialPct');
  const targetPhysicalPct = weighted('targetPhysicalPct');
  const deviationFinancial = financialPct - targetFinancialPct;
  const deviationPhysical = physicalPct - targetPhysicalPct;
  return {
    pagu: round(pagu), realization: round(realization), financialPct: round(financialPct), physicalPct: round(physicalPct),
    targetFinancialPct: round(targetFinancialPct), targetPhysicalPct: round(targetPhysicalPct),
    deviationFinancial: round(deviationFinancial), deviationPhysical: round(deviationPhysical), status: light(deviationFinancial, deviationPhysical),
  };
}

/** IKU achievement: realization over target (capped at 150% so one outlier does not hide the rest). */
export function achievement(target: number, realization: number | null): number | null {
  if (realization === null || target <= 0) return null;
  return round(Math.min(150, (realization / target) * 100));
}

/** Ranking of OPDs: the smallest shortfall behind target first, then the higher financial realization. */
export function rankKey(p: Progress): [number, number] {
  return [Math.min(p.deviationFinancial, p.deviationPhysical), p.financialPct];
}
