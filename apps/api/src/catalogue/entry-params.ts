import { Matches } from 'class-validator';
import { ENTRY_ID, WardParams } from '../http/route-params';

export class EntryParams extends WardParams {
  @Matches(ENTRY_ID) entryId!: string;
}
