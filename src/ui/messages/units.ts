import { METRIC_INFO, type Metric } from '../../sim/metrics.ts';
import { i18n } from './index.ts';

/** A metric's unit in the language shown: `workers`, or `workers per week` for a flow (the simulation's `unitOf`, translated). */
export function unitText(metric: Metric): string {
  const info = METRIC_INFO[metric];
  const unit = i18n.tk(`unit.${info.unit}`, info.unit);
  return info.per ? i18n.t('unit.perWeek', { unit }) : unit;
}
