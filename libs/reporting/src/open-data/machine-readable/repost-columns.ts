import type { ProjectRow, ReportModel } from '@pdca/projections';
import { repostOrigins } from '../../tables/repost-origin';
import type { Placed } from '../flat-columns';
import type { OpenDataColumn } from './open-data-table';
import { codeOf } from './plain-codes';

/**
 * report-template/4: a 再掲 row's project_name is the label the ward prints in this plan; these say
 * whose repost it is and, where it covers only part of the original (一部再掲), which part.
 */
export function repostOpenDataColumns(model: ReportModel): Array<OpenDataColumn<Placed<ProjectRow>>> {
  const origins = repostOrigins(model);
  const ofRepost =
    <T>(value: (row: ProjectRow) => T) =>
    (p: Placed<ProjectRow>) =>
      p.row.repost ? value(p.row) : undefined;
  return [
    {
      id: 'repost_origin_plan_code',
      header: '再掲元戦略計画コード',
      type: 'code',
      description: '再掲の行で、取組本来の掲載がある計画の番号（半角）。再掲でない行は空欄。コード表 plan。',
      value: ofRepost((row) => {
        const origin = origins.get(row.projectId);
        return origin && codeOf(origin.planCode);
      }),
    },
    {
      id: 'repost_original_name',
      header: '再掲元取組名',
      type: 'text',
      description: '再掲の行で、取組本来の名称（取組名はこの計画で印刷される名称）。再掲でない行は空欄。',
      value: ofRepost((row) => row.originalName ?? row.name),
    },
    {
      id: 'repost_part',
      header: '一部再掲の範囲',
      type: 'text',
      description: '取組の一部だけを再掲する行で、その範囲（報告書の【…の一部再掲：範囲】）。全体の再掲は空欄。',
      value: ofRepost((row) => row.repostPart),
    },
  ];
}
