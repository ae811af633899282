import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { renderCorrectionAtom, renderCorrectionJsonFeed } from '@pdca/reporting';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../http/openapi-errors';
import { ApiOkFormats } from '../http/openapi-formats';
import { WardParams } from '../http/route-params';
import { CorrectionFeedService } from './correction-feed.service';
import { fileReply } from './file-reply';

export class FeedQuery {
  @ApiPropertyOptional({ enum: ['json', 'atom'], description: '形式（省略時 JSON Feed 1.1）' })
  @IsOptional()
  @IsIn(['json', 'atom'])
  format?: 'json' | 'atom';
}

/** The public feed of post-publication corrections of a ward, for feed readers and programs. */
@ApiTags('public（公表資料）')
@Public()
@Controller('public/wards/:wardId/corrections')
export class PublicCorrectionsHttpController {
  constructor(private readonly feeds: CorrectionFeedService) {}

  @Get()
  @ApiOperation({
    summary:
      '公表後の訂正のフィード（JSON Feed 1.1 / ?format=atom で Atom）/ feed of corrections: item, field, before → after, reason, date, office, fingerprint',
  })
  @ApiOkFormats('訂正のフィード / the feed of corrections', undefined, ['feed', 'atom'])
  @ApiErrors(400)
  async corrections(@Param() p: WardParams, @Query() q: FeedQuery): Promise<StreamableFile> {
    const feed = await this.feeds.feed(p.wardId);
    const [type, body] =
      q.format === 'atom'
        ? ['application/atom+xml; charset=utf-8', renderCorrectionAtom(feed)]
        : ['application/feed+json; charset=utf-8', JSON.stringify(renderCorrectionJsonFeed(feed))];
    return fileReply(type, body);
  }
}
