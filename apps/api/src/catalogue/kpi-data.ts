import { parseMeasuredValue } from '@pdca/kernel';
import type { KpiDto } from './catalogue.request.dto';

/** DTO → a KPI's data: baseline and target values parsed into number and unit. */
export function kpiData(body: KpiDto) {
  return {
    kpiId: body.kpiId,
    planId: body.planId,
    indicator: body.indicator,
    kind: body.kind,
    sectionId: body.sectionId,
    baseline: { value: parseMeasuredValue(body.baseline.value), asOf: body.baseline.asOf },
    target: { value: parseMeasuredValue(body.target.value), asOf: body.target.asOf },
  };
}
