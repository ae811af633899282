import { parseMeasuredValue } from '@pdca/kernel';
import type { Actual } from '@pdca/review';
import type { KpiActualDto, ProjectActualDto } from './evaluation.request.dto';

/** DTO → domain actual: trimmed text, a KPI value parsed into number and unit. */
export const projectActual = (dto: ProjectActualDto): Actual => ({ kind: 'project', text: dto.text.trim() });

export const kpiActual = (dto: KpiActualDto): Actual => ({
  kind: 'kpi',
  value: parseMeasuredValue(dto.value),
  asOf: dto.asOf.trim(),
});
