import { ApiProperty } from '@nestjs/swagger';

export class InclusionProofDto {
  @ApiProperty({ type: 'integer', example: 42 }) position!: number;
  @ApiProperty({ type: 'integer', example: 41 }) leafIndex!: number;
  @ApiProperty({ type: 'integer', example: 100 }) treeSize!: number;
  @ApiProperty({ format: 'byte', description: 'base64' }) leafHash!: string;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'byte' } }) hashes!: string[];
}

export class ConsistencyProofDto {
  @ApiProperty({ type: 'integer', example: 50 }) fromSize!: number;
  @ApiProperty({ type: 'integer', example: 100 }) toSize!: number;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'byte' } }) hashes!: string[];
}

export class PublishedKeyDto {
  @ApiProperty() name!: string;
  @ApiProperty() keyId!: string;
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: 'Ed25519';
  @ApiProperty({ description: 'signed note の検証鍵 / the signed-note verifier key' }) verifierKey!: string;
  @ApiProperty() publicKeyPem!: string;
  @ApiProperty({ description: 'false: 鍵の更新前の鍵（旧チェックポイントの検証用）/ a key from before a rotation' })
  current!: boolean;
}

export class PublishedKeysDto {
  @ApiProperty({ type: [PublishedKeyDto] }) keys!: PublishedKeyDto[];
}
