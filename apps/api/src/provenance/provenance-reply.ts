import { StreamableFile } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { jsonObject } from '../http/openapi-loose';
import { IsIn, IsOptional } from 'class-validator';
import { renderProvenanceHtml, SummaryProvenance } from '@pdca/reporting';
import { fileReply } from '../public/file-reply';

export class ProvenanceQuery {
  @ApiPropertyOptional({ enum: ['json', 'html'], description: '形式（省略時 JSON）' })
  @IsOptional()
  @IsIn(['json', 'html'])
  format?: 'json' | 'html';
}

export const PROVENANCE_JSON = jsonObject(
  '集計表の数ごとの取組と、評価を決めた記録 / each summary cell with its items and the decisions behind them',
  ['wardId', 'fiscalYear', 'cells', 'items'],
  {
    wardId: { type: 'string' },
    fiscalYear: { type: 'integer' },
    cells: { type: 'array', items: { type: 'object' } },
    items: { type: 'array', items: { type: 'object' } },
  },
);

/** JSON as it is; HTML as a standalone page whose anchors the report's summary cells link to. */
export function provenanceReply(
  provenance: SummaryProvenance,
  title: string,
  format: ProvenanceQuery['format'],
): SummaryProvenance | StreamableFile {
  if (format !== 'html') return provenance;
  return fileReply('text/html; charset=utf-8', renderProvenanceHtml(provenance, title));
}
