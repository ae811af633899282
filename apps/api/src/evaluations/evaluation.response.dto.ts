import { ApiPropertyOptional } from '@nestjs/swagger';
import { CommandResult } from '../http/openapi-commands';
import { ItemViewDto } from '../queries/item.response.dto';

export class ItemCommandResult extends CommandResult {
  @ApiPropertyOptional({
    type: ItemViewDto,
    description: '実行後の取組・指標（一覧に反映済みなら）/ the item afterwards, as the views show it',
  })
  item?: ItemViewDto;
}
