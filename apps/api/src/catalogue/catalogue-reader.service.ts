import { Inject, Injectable } from '@nestjs/common';
import { CatalogueEvent, CatalogueState, catalogueDecider } from '@pdca/catalogue';
import { EVENT_STORE, EventStore, FoldedStreamCache } from '@pdca/event-store';
import type { ContextReads } from '@pdca/event-store';
import { catalogueStream } from './catalogue-commands';

/**
 * Commands that need the ward's catalogue (an item's owning section, a cycle's default scope, a
 * plan that must exist) read it from the catalogue stream, not from the eventually consistent views:
 * a project moved to another section a moment ago is judged as moved.
 */
@Injectable()
export class CatalogueReader {
  private readonly catalogues: FoldedStreamCache<CatalogueState, CatalogueEvent>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.catalogues = new FoldedStreamCache(store, catalogueDecider);
  }

  async current(wardId: string): Promise<CatalogueState> {
    return (await this.catalogues.read(catalogueStream(wardId))).state;
  }

  /** The catalogue as a command's context (ContextReads: maybe from the cache, the append held to it). */
  async currentFor(wardId: string, reads: ContextReads): Promise<CatalogueState> {
    return (await this.catalogues.readFor(catalogueStream(wardId), reads)).state;
  }
}
