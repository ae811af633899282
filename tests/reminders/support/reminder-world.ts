import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { RecordedEvent, SqliteEventStore } from '@pdca/event-store';
import type { ReminderPolicy } from '@pdca/review';
import {
  evolveReminderLedger,
  ledgerRows,
  REMINDER_EVENT_TYPES,
  ReminderFailedData,
  ReminderSentData,
} from '@pdca/reminders';
import type { ReminderTuning } from '../../../apps/worker/src/reminders/reminder-tuning';
import { ApiHarness, TestUser } from '../../support/api-harness';
import { ManualClock } from '../../support/manual-clock';
import { QueueProbe } from './queue-probe';
import { RedisProcess } from './redis-process';
import { SmtpSink } from './smtp-sink';
import { WorkerHarness } from './worker-harness';

export const W = '/wards/nerima';
export const CYCLE = `${W}/cycles/2022`;
export const MACHINE_REDIS = 'redis://127.0.0.1:6379';

export const SECTIONS = {
  hoiku: {
    sectionId: 'hoiku',
    department: 'こども家庭部',
    name: '保育課',
    email: 'hoiku@city.example.jp',
    headEmail: 'hoiku-kacho@city.example.jp',
  },
  kouen: {
    sectionId: 'kouen',
    department: '土木部',
    name: '公園緑地課',
    email: 'kouen@city.example.jp',
    headEmail: 'kouen-kacho@city.example.jp',
  },
  bunka: {
    sectionId: 'bunka',
    department: '地域文化部',
    name: '文化・生涯学習課',
    email: 'bunka@city.example.jp',
    headEmail: 'bunka-kacho@city.example.jp',
  },
} as const;
export type SectionId = keyof typeof SECTIONS;

export const PROJECTS = [
  { projectId: 'P01-011', name: '認可保育所の整備', sectionId: 'hoiku' },
  { projectId: 'P01-012', name: '病児保育の拡充', sectionId: 'hoiku' },
  { projectId: 'P05-001', name: '公園の新設・拡張', sectionId: 'kouen' },
  { projectId: 'P09-003', name: '文化芸術活動の支援', sectionId: 'bunka' },
] as const;
export const KPIS = [
  { kpiId: 'K01-01', indicator: '保育所待機児童数', sectionId: 'hoiku' },
  { kpiId: 'K09-01', indicator: '文化施設の年間利用者数', sectionId: 'bunka' },
] as const;

const USERS: TestUser[] = [
  { username: 'kikaku', role: 'planning_office' },
  { username: 'hoiku', role: 'section_staff', sectionId: 'hoiku' },
  { username: 'kouen', role: 'section_staff', sectionId: 'kouen' },
  { username: 'bunka', role: 'section_staff', sectionId: 'bunka' },
];

export interface WorldOptions {
  redisUrl?: string;
  /** A redis-server of the world's own (no persistence), for tests that kill and restart it; stopped with the world. */
  ownRedis?: boolean;
  tuning?: Partial<ReminderTuning>;
}

/**
 * A ward with three sections, the real API and the real worker sharing one SQLite file, a real
 * SMTP server, Redis with a queue name of this test's own, and one manual clock for everyone.
 */
export class ReminderWorld {
  worker!: WorkerHarness;
  /** Set with `ownRedis`. */
  redis?: RedisProcess;

  private constructor(
    readonly api: ApiHarness,
    readonly smtp: SmtpSink,
    readonly probe: QueueProbe,
    readonly store: SqliteEventStore,
    readonly clock: ManualClock,
    readonly queueName: string,
    private readonly redisUrl: string,
    private readonly tuning?: Partial<ReminderTuning>,
  ) {}

  static async start(options: WorldOptions = {}): Promise<ReminderWorld> {
    const redis = options.ownRedis ? await RedisProcess.start() : undefined;
    const redisUrl = redis?.url ?? options.redisUrl ?? MACHINE_REDIS;
    const smtp = await SmtpSink.start();
    const clock = new ManualClock(new Date('2023-04-03T00:00:00Z'));
    const queueName = `reminders-test-${randomUUID().slice(0, 8)}`;
    const api = await ApiHarness.start(USERS, { clock, env: { REDIS_URL: redisUrl, REMINDER_QUEUE: queueName } });
    const store = new SqliteEventStore(join(api.dir, 'events.db'));
    const world = new ReminderWorld(
      api,
      smtp,
      new QueueProbe(queueName, redisUrl),
      store,
      clock,
      queueName,
      redisUrl,
      options.tuning,
    );
    world.redis = redis;
    await world.startWorker();
    return world;
  }

  async startWorker(): Promise<void> {
    this.worker = await WorkerHarness.start({
      dir: this.api.dir,
      clock: this.clock,
      queue: this.queueName,
      redisUrl: this.redisUrl,
      smtpUrl: this.smtp.url,
      tuning: this.tuning,
    });
  }

  async restartWorker(): Promise<void> {
    await this.worker.stop();
    await this.startWorker();
  }

  /** Sections, projects and KPIs, then the FY2022 cycle with every one of them in scope. */
  async openCycle(deadline = '2023-05-31', reminderPolicy?: ReminderPolicy): Promise<void> {
    const kikaku = await this.api.as('kikaku');
    for (const section of Object.values(SECTIONS)) await kikaku.post(`${W}/catalogue/sections`, section).expect(200);
    await kikaku
      .post(`${W}/catalogue/pillars`, { pillarId: 'I', code: 'I', title: '子どもたちの笑顔輝くまち' })
      .expect(200);
    await kikaku
      .post(`${W}/catalogue/plans`, {
        planId: '1',
        code: '1',
        title: '子育てのかたちを選択できる社会の実現',
        pillarId: 'I',
      })
      .expect(200);
    for (const p of PROJECTS) {
      await kikaku
        .post(`${W}/catalogue/projects`, {
          ...p,
          home: { planId: '1', sectionNo: '1(1)', sectionTitle: '施策' },
          notSuitedForShortTermEvaluation: false,
        })
        .expect(200);
    }
    for (const k of KPIS) {
      await kikaku
        .post(`${W}/catalogue/kpis`, {
          ...k,
          planId: '1',
          kind: 'output',
          baseline: { value: '10', asOf: '令和3年度末' },
          target: { value: '0', asOf: '令和5年度末' },
        })
        .expect(200);
    }
    await kikaku.post(CYCLE, { scheme: 'nerima', deadline, ...(reminderPolicy ? { reminderPolicy } : {}) }).expect(200);
    await this.scheduled();
  }

  async submit(section: SectionId, kind: 'project' | 'kpi', itemId: string): Promise<void> {
    const staff = await this.api.as(section);
    const body = kind === 'project' ? { actual: { text: '実施' } } : { actual: { value: '3', asOf: '令和4年度末' } };
    await staff.post(`${CYCLE}/${kind === 'project' ? 'projects' : 'kpis'}/${itemId}/submission`, body).expect(200);
  }

  async extendDeadline(deadline: string): Promise<void> {
    await (
      await this.api.as('kikaku')
    )
      .post(`${CYCLE}/deadline-extensions`, { deadline, reason: '議会日程の変更に伴う延長' })
      .expect(200);
    await this.scheduled();
  }

  /** Closes with items still outstanding, as the office may after its checklist (else 409 OUTSTANDING_ITEMS). */
  async closeCycle(): Promise<void> {
    await (await this.api.as('kikaku')).post(`${CYCLE}/closing`, { confirmOutstanding: true }).expect(200);
    await this.scheduled();
  }

  /** The worker's schedule has taken in everything recorded so far. */
  scheduled(): Promise<void> {
    return this.worker.scheduled(() => this.store.headPosition());
  }

  /** Moves the clock and fires whatever is due by it; returns once the worker is idle again. */
  async at(instant: string): Promise<string[]> {
    this.clock.set(instant);
    const promoted = await this.probe.promoteDue(this.clock);
    await this.probe.settled();
    return promoted;
  }

  async ledger(): Promise<RecordedEvent<ReminderSentData | ReminderFailedData>[]> {
    const all = await this.store.readAll();
    return all.filter((event) => (REMINDER_EVENT_TYPES as string[]).includes(event.type)) as RecordedEvent<
      ReminderSentData | ReminderFailedData
    >[];
  }

  async ledgerRows() {
    return ledgerRows((await this.store.readAll()).reduce(evolveReminderLedger, {}), 'nerima', 2022);
  }

  /** The planning office's view of the same ledger, through the API, once it has read everything recorded. */
  async ledgerView(format: 'json' | 'csv' = 'json') {
    const kikaku = await this.api.as('kikaku');
    return kikaku
      .get(`${CYCLE}/reminder-ledger?minPosition=${await this.store.headPosition()}&format=${format}`)
      .expect(200);
  }

  async stop(): Promise<void> {
    await this.worker?.stop().catch(() => undefined);
    await this.probe.close();
    await this.store.close();
    await this.api.stop();
    await this.smtp.close();
    await this.redis?.kill();
  }
}
