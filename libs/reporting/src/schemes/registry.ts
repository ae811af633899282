import type { Rating, SchemeId, Summary } from '@pdca/review';
import { NERIMA_REPORT } from './nerima.report';
import { ORDINAL_REPORT } from './ordinal.report';
import type { ReportScheme } from './report-scheme';
import { TAISHO_REPORT } from './taisho.report';

/** How each scheme prints, one line each; exhaustive over SchemeId like the domain's registry. */
const REPORT_SCHEMES: {
  [K in SchemeId]: ReportScheme<Extract<Rating, { scheme: K }>, Extract<Summary, { scheme: K }>>;
} = {
  nerima: NERIMA_REPORT,
  taisho: TAISHO_REPORT,
  ordinal: ORDINAL_REPORT,
};

export const allReportSchemes = (): Array<ReportScheme<Rating, Summary>> => Object.values(REPORT_SCHEMES);

/** Callers dispatch on the tag of what they hold (the model's summary or a rating), never on a guess. */
export const reportSchemeOf = (id: SchemeId): ReportScheme<Rating, Summary> => REPORT_SCHEMES[id];
