import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  EVENT_STORE,
  EventStore,
  ErasureRecord,
  erasePersonalTexts,
  erasureStream,
  PersonalDataEventStore,
  personalDataStoreOf,
  scanPersonalTexts,
  TextPlace,
} from '@pdca/event-store';
import { CLOCK, conflict, invalid, notFound } from '@pdca/kernel';
import type { Actor, Clock } from '@pdca/kernel';
import { ProjectionsService } from '../projections/projections.service';
import type { ErasureRequestDto } from './erasure.request.dto';

/** How often a running API looks whether another process (another API, `pdca erase`) destroyed keys. */
const WATCH_MS = 2_000;

export interface ErasureOutcome {
  dryRun: boolean;
  /** The erasure event's position (absent for a dry run). */
  position?: number;
  /** Where the texts were; a dry run also shows each text, for the office to check before erasing. */
  texts: Array<TextPlace & { text?: string }>;
  /** A dry run's matching texts stored in clear (before sealing existed): an erasure including them is refused (409). */
  notErasable?: Array<TextPlace & { text: string }>;
}

/** Erasing personal texts on request (APPI): destroys their keys, records the erasure, re-projects. */
@Injectable()
export class PersonalDataService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PersonalData');
  private readonly personal?: PersonalDataEventStore;
  private knownDestroyed = 0;
  private watch?: NodeJS.Timeout;
  private noticing?: Promise<void>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly projections: ProjectionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.personal = personalDataStoreOf(store);
  }

  onApplicationBootstrap(): void {
    if (!this.personal) return;
    this.knownDestroyed = this.personal.keys.destroyedCount();
    this.watch = setInterval(() => void this.noticeOtherErasures(), WATCH_MS).unref();
    // A read with ?minPosition= at or after another process's erasure must not show the text: re-project first.
    this.projections.beforeReadAt(() => this.noticeOtherErasures());
  }

  onModuleDestroy(): void {
    clearInterval(this.watch);
  }

  async erase(wardId: string, request: ErasureRequestDto, actor: Actor): Promise<ErasureOutcome> {
    const store = this.store();
    if (!request.contains && !request.fields?.length) {
      throw invalid(
        'ERASURE_SELECTION_REQUIRED',
        '消去する文を contains（含まれる文字列）か fields（イベントと項目）で指定してください。',
        'Name the texts to erase: contains (a text in them) or fields (event and field).',
        { field: 'contains' },
      );
    }
    const { sealed: found, unsealed } = await scanPersonalTexts(store, {
      wardId,
      contains: request.contains,
      fields: request.fields,
    });
    const field = request.contains ? 'contains' : 'fields';
    if (found.length === 0 && unsealed.length === 0) {
      throw notFound(
        'NO_PERSONAL_TEXT',
        '該当する読める個人情報の文はありません（消去済みの文は対象外です）。',
        'No readable personal text matches (erased texts are not searched).',
        { field },
      );
    }
    if (request.dryRun)
      return { dryRun: true, texts: found.map(({ kid: _kid, ...place }) => place), notErasable: unsealed };
    if (unsealed.length > 0) throw notSealed(field, unsealed);
    const position = await erasePersonalTexts(store, found, {
      wardId,
      reason: request.reason,
      actor: actor.userId,
      role: actor.role,
      now: this.clock.now(),
    });
    this.knownDestroyed = store.keys.destroyedCount();
    // Answered only once this process's views are rebuilt without the texts; other processes re-project
    // before serving a read at or after `position` (?minPosition=, the X-Position of this answer).
    await this.projections.rebuildFromZero();
    this.logger.log({ msg: 'personal texts erased', wardId, texts: found.length, position });
    return { dryRun: false, position, texts: found.map(({ kid: _kid, text: _text, ...place }) => place) };
  }

  async erasures(
    wardId: string,
  ): Promise<{ erasures: Array<ErasureRecord & { position: number; actor: string; role: string }> }> {
    const events = await this.store().readStream(erasureStream(wardId));
    return {
      erasures: events.map((e) => ({
        ...(e.data as ErasureRecord),
        position: e.position,
        actor: e.metadata.actor,
        role: e.metadata.role,
      })),
    };
  }

  private store(): PersonalDataEventStore {
    if (!this.personal) throw new Error('the event store has no personal-data layer (openEventStore composes it)');
    return this.personal;
  }

  /** Another process erased: this one's models and caches still hold the text until re-projected. */
  private noticeOtherErasures(): Promise<void> {
    this.noticing ??= this.reprojectIfKeysDestroyed().finally(() => (this.noticing = undefined));
    return this.noticing;
  }

  private async reprojectIfKeysDestroyed(): Promise<void> {
    const destroyed = this.personal!.keys.destroyedCount();
    if (destroyed === this.knownDestroyed) return;
    try {
      await this.projections.rebuildFromZero();
      this.knownDestroyed = destroyed;
      this.logger.log({ msg: 're-projected after an erasure by another process' });
    } catch (error) {
      this.logger.warn({ msg: 're-projection after an erasure failed', error: (error as Error).message });
    }
  }
}

/**
 * Texts stored before sealing existed hold the name in the log itself: no key to destroy, and
 * rewriting them would break every chain and published fingerprint over them. Refused whole, so
 * that an answer "erased" is never given while the name still shows (README: what an operator can do).
 */
function notSealed(field: string, texts: TextPlace[]) {
  return conflict(
    'PERSONAL_TEXT_NOT_SEALED',
    `該当する文のうち${texts.length}件は個人情報の暗号化が導入される前に記録されたため消去できません（記録を書き換えると検証が壊れます）。何も消去していません。dryRun で notErasable を確認し、消去できる文は fields で指定してください。`,
    `${texts.length} matching texts were recorded before personal texts were sealed and cannot be erased (rewriting them would break verification). Nothing was erased. See notErasable in a dry run, and name the erasable texts in fields.`,
    {
      field,
      notErasable: texts.map(({ eventId, stream, position, type, field: path, recordedAt }) => ({
        eventId,
        stream,
        position,
        type,
        field: path,
        recordedAt,
      })),
    },
  );
}
