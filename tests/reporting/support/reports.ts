import type { PublicationInfo } from '@pdca/reporting';
import type { ReportModel } from '@pdca/projections';
import { NERIMA_WARD } from './nerima-ward';
import { publicationFor, reportModelFrom } from './report-fixture';
import { TAISHO_WARD } from './taisho-ward';

export interface Given {
  model: ReportModel;
  publication: PublicationInfo;
}

/** Nerima FY R4 slice, projected from its events, published as 第2版 (a correction). */
export function nerimaReport(overrides: Partial<PublicationInfo> = {}): Given {
  const { model, position, streams } = reportModelFrom(NERIMA_WARD);
  return { model, publication: publicationFor(position, streams, overrides) };
}

/** Taisho FY H28 slice: A/B achievement, a withdrawal criterion hit, one project unrated. */
export function taishoReport(): Given {
  const { model, position, streams } = reportModelFrom(TAISHO_WARD);
  return { model, publication: publicationFor(position, streams, { version: 1, reason: undefined }) };
}

export const NERIMA = { wardName: '練馬区', issuingOffice: '企画部 企画課' };
