import { StreamableFile } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { renderProvenanceHtml, SummaryProvenance } from '@pdca/reporting';

export class ProvenanceQuery {
  @ApiPropertyOptional({ enum: ['json', 'html'], description: '形式（省略時 JSON）' })
  @IsOptional() @IsIn(['json', 'html']) format?: 'json' | 'html';
}

/** JSON as it is; HTML as a standalone page whose anchors the report's summary cells link to. */
export function provenanceReply(provenance: SummaryProvenance, title: string, format: ProvenanceQuery['format']): SummaryProvenance | StreamableFile {
  if (format !== 'html') return provenance;
  const bytes = Buffer.from(renderProvenanceHtml(provenance, title), 'utf8');
  return new StreamableFile(bytes, { type: 'text/html; charset=utf-8', length: bytes.length });
}
