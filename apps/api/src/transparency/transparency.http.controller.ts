import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Environment } from '@pdca/platform';
import {
  checkpointFeedItems,
  consistencyProofToJson,
  ConsistencyProofJson,
  inclusionProofToJson,
  InclusionProofJson,
  renderCheckpointAtom,
  renderCheckpointJsonFeed,
} from '@pdca/transparency';
import { FeedQuery } from '../public/public-corrections.http.controller';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../http/openapi-errors';
import { ApiOkFormats } from '../http/openapi-formats';
import { PublishedKey, TransparencyLogService } from './transparency-log.service';
import { ConsistencyProofQuery, InclusionProofQuery } from './transparency.request.dto';
import { ConsistencyProofDto, InclusionProofDto, PublishedKeysDto } from './transparency.response.dto';

/**
 * The log's public face: signed checkpoints, proofs and the public keys, for anyone to keep and
 * check without an account. Proofs carry hashes only, never event contents (drafts and actors
 * are not public); whoever holds an event computes its leaf hash and compares.
 */
@ApiTags('public（公表資料）')
@Public()
@Controller('public/transparency')
export class TransparencyHttpController {
  constructor(
    private readonly log: TransparencyLogService,
    private readonly environment: Environment,
  ) {}

  @Get('checkpoints')
  @ApiOperation({
    summary:
      '署名済みチェックポイントのフィード（JSON Feed 1.1 / ?format=atom で Atom）。証人はこれを保存する / feed of every signed checkpoint, for witnesses to keep',
  })
  @ApiOkFormats('チェックポイントのフィード / the checkpoint feed', undefined, ['feed', 'atom'])
  @ApiErrors(400, 503)
  checkpoints(@Query() q: FeedQuery): StreamableFile {
    this.log.currentVerifierKey(); // 503 when no key is configured, as the other endpoints
    const items = checkpointFeedItems(this.log.checkpoints.readAll());
    const url = `${this.environment.PUBLIC_BASE_URL.replace(/\/+$/, '')}/public/transparency/checkpoints`;
    const [type, body] =
      q.format === 'atom'
        ? ['application/atom+xml; charset=utf-8', renderCheckpointAtom(this.log.origin, `${url}?format=atom`, items)]
        : [
            'application/feed+json; charset=utf-8',
            JSON.stringify(renderCheckpointJsonFeed(this.log.origin, url, items)),
          ];
    const bytes = Buffer.from(body, 'utf8');
    return new StreamableFile(bytes, { type, length: bytes.length });
  }

  @Get('checkpoint')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOkFormats('署名付きチェックポイント（C2SP signed note）/ the signed checkpoint', undefined, ['text'])
  @ApiErrors(503)
  @ApiOperation({
    summary: '最新の署名付きチェックポイント（C2SP 形式）/ the latest signed checkpoint (C2SP signed note)',
  })
  checkpoint(): Promise<string> {
    return this.log.signedCheckpoint();
  }

  @Get('proofs/inclusion')
  @ApiOperation({
    summary: '記録がチェックポイントの木に含まれる証明 / proof that the event at a position is in the tree of a size',
  })
  @ApiOkResponse({ type: InclusionProofDto })
  @ApiErrors(400, 404, 503)
  async inclusion(@Query() q: InclusionProofQuery): Promise<InclusionProofJson & { position: number }> {
    const proof = await this.log.inclusionProof(q.position, q.treeSize);
    return { position: proof.position, ...inclusionProofToJson(proof) };
  }

  @Get('proofs/consistency')
  @ApiOperation({
    summary: '古い木が新しい木の先頭部分である証明 / proof that the older tree is a prefix of the newer one',
  })
  @ApiOkResponse({ type: ConsistencyProofDto })
  @ApiErrors(400, 404, 503)
  async consistency(@Query() q: ConsistencyProofQuery): Promise<ConsistencyProofJson> {
    return consistencyProofToJson(await this.log.consistencyProof(q.from, q.to));
  }

  @Get('keys')
  @ApiOperation({ summary: 'チェックポイントを検証する公開鍵 / the public keys that verify checkpoints' })
  @ApiOkResponse({ type: PublishedKeysDto })
  @ApiErrors(503)
  keys(): { keys: PublishedKey[] } {
    return { keys: this.log.publishedKeys() };
  }
}
