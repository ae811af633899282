import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { createTransport } from 'nodemailer';
import { SqliteEventStore } from '@pdca/event-store';
import { scheduleReminders, wardOfficeHolidays } from '@pdca/reminders';
import { DEFAULT_REMINDER_POLICY } from '@pdca/review';
import { validateEnvironment } from '@pdca/platform';
import { RedisProcess } from '../../reminders/support/redis-process';
import { caughtUpWith, setClock, startWorkerProcess, stopWorkerProcess } from '../../reminders/support/worker-process';
import { freePort, rssMbOf } from '../support/api-process';
import { closeStore } from '../support/close-store';
import { buildFixtureStore } from '../support/fixture-store';
import type { Figure } from '../support/report';
import { formatNumber } from '../support/stats';
import { SmtpCounter } from '../support/smtp-counter';
import type { WardShape } from '../support/synthetic-ward';
import type { BenchContext } from './context';

const WARDS = Number(process.env.BENCH_REMINDER_WARDS ?? 250);
const SHAPE: Omit<WardShape, 'wardId'> = { projects: 400, sections: 40, kpis: 0, fiscalYears: [2022], annualPlans: true, stage: 'open' };
const LATE_SECTIONS = WARDS * SHAPE.sections;
/** Worker processes sharing the queue (BENCH_REMINDER_WORKERS): one by default, as `npm run start:worker` runs. */
const WORKERS = Number(process.env.BENCH_REMINDER_WORKERS ?? 1);
const DEADLINE = '2023-05-31T14:59:59.999Z'; // what writeWard gives FY 2022
const QUEUE = 'bench-reminders';
/** The worker's SMTP pool and concurrency: production defaults, or what the bench's own environment sets (to try other values). */
const MAIL_KNOBS = ['SMTP_MAX_CONNECTIONS', 'SMTP_MAX_MESSAGES_PER_CONNECTION', 'REMINDER_CONCURRENCY'] as const;
const knobs = Object.fromEntries(MAIL_KNOBS.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
const tuning = validateEnvironment(knobs, 'worker');
/** Bounded: at the current tuning the whole fan-out would take minutes; the rate shows after one. */
const TIMEOUT_MS = 90_000;

/**
 * Scenario 4: 250 Nerima-sized wards × 40 sections, nobody has submitted anything, and the first
 * "overdue" reminder falls due: the real worker (production tuning, its own process) fires every
 * ward's occasion, fans out one send job per late section — 10,000 — composes, sends through
 * nodemailer to an SMTP server in the bench process, and records each one in the event store.
 */
export async function reminderFanoutScenario(ctx: BenchContext): Promise<Figure[]> {
  const dataDir = ctx.dir('reminders');
  const file = join(dataDir, 'events.db');
  const wards = Array.from({ length: WARDS }, (_, i) => ({ wardId: `rem_w${String(i + 1).padStart(3, '0')}`, ...SHAPE }));
  const fixture = await buildFixtureStore(file, wards, { useCache: ctx.useCache });
  ctx.log(`reminders: ${fixture.events} events (${fixture.cached ? 'cached' : 'generated'} in ${fixture.seconds.toFixed(1)} s)`);
  const occasion = scheduleReminders({ wardId: wards[0].wardId, fiscalYear: 2022 }, DEFAULT_REMINDER_POLICY, DEADLINE, new Date(0), wardOfficeHolidays).find((o) => o.kind === 'overdue')!;

  const redis = await RedisProcess.start();
  const smtp = await SmtpCounter.start();
  const direct = await directSendRate(smtp, ctx.quick ? 200 : 500, false);
  const pooled = await directSendRate(smtp, ctx.quick ? 1_000 : 3_000, true);
  smtp.reset();
  const inspectPort = ctx.profiling ? await freePort() : undefined;
  const workers = await Promise.all(Array.from({ length: WORKERS }, (_, i) => startWorker(dataDir, redis.url, smtp.url, i === 0 ? inspectPort : undefined)));
  const [worker] = workers;
  const queue = new Queue(QUEUE, { connection: { url: redis.url } });
  try {
    const head = await headOf(file);
    await Promise.all(workers.map((w) => caughtUpWith(w, head)));
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // the compaction after catch-up, as the API is given
    const workerRssMb = rssMbOf(worker.pid!);
    ctx.log(`reminders: worker RSS ${workerRssMb.toFixed(0)} MB after projecting ${head} events`);
    ctx.log(`reminders: worker scheduled ${WARDS} cycles; firing "${occasion.kind}" of ${occasion.date} for ${LATE_SECTIONS} late sections`);
    workers.forEach((w) => setClock(w, occasion.at));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    const timeoutMs = ctx.quick ? 20_000 : TIMEOUT_MS;
    await ctx.profiled('reminders', inspectPort, async () => {
      const due = (await queue.getJobs(['delayed'])).filter((job) => job && Date.parse(job.data.dueAt) <= Date.parse(occasion.at));
      await Promise.all(due.map((job) => job.promote()));
      ctx.log(`reminders: promoted ${due.length} due occasion jobs`);
      while (smtp.count < LATE_SECTIONS && performance.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 100));
    });
    const seconds = ((smtp.count >= LATE_SECTIONS ? smtp.lastAt : performance.now()) - started) / 1000;
    const inWindow = Math.min(smtp.count, LATE_SECTIONS);
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // a duplicate would arrive now
    // One snapshot: after a bounded window the worker is still sending.
    const accepted = smtp.count;
    const duplicates = accepted - new Set(smtp.messageIds).size;
    const distinctSections = new Set(smtp.recipients).size;
    const addressed = smtp.recipients.length;
    const rate = inWindow / seconds;
    const recorded = await countSent(file);
    ctx.log(`reminders: ${accepted} e-mails (${addressed} recipients, ${distinctSections} distinct) by ${seconds.toFixed(1)} s + 3 s, ${duplicates} duplicate Message-IDs, ${recorded} ReminderSent recorded`);
    const complete = accepted >= LATE_SECTIONS && distinctSections === LATE_SECTIONS;
    return [
      { scenario: '4', figure: `info: nodemailer straight to the same SMTP server, ${tuning.REMINDER_CONCURRENCY} at a time, a connection per message`, value: direct, unit: 'msg/s' },
      { scenario: '4', figure: `info: the same over a pool of ${tuning.SMTP_MAX_CONNECTIONS} reused connections (as the worker sends)`, value: pooled, unit: 'msg/s' },
      {
        scenario: '4', figure: `reminder fan-out: ${LATE_SECTIONS.toLocaleString('en-US')} late sections, every e-mail accepted by the SMTP server${WORKERS > 1 ? ` (${WORKERS} worker processes)` : ''}`, value: rate, unit: 'msg/s',
        baseline: 1_000, baselineLabel: 'target', ratio: rate / 1_000, target: '≥ 1,000 msg/s', met: complete && rate >= 1_000,
        display: `${formatNumber(rate)} msg/s${complete ? '' : ` (${inWindow.toLocaleString('en-US')} of ${LATE_SECTIONS.toLocaleString('en-US')} in ${Math.round(seconds)} s)`}`,
        note: `${inWindow} accepted in ${seconds.toFixed(1)} s${complete ? '' : ` (measuring stopped after ${timeoutMs / 1000} s)`}; ${recorded} ReminderSent events`,
      },
      { scenario: '4', figure: `info: worker resident memory (RSS) after projecting ${head.toLocaleString('en-US')} events`, value: workerRssMb, unit: 'MB' },
      { scenario: '4', figure: 'reminder fan-out: e-mails received twice', value: duplicates + (addressed - distinctSections), unit: '', target: '0', met: duplicates === 0 && addressed === distinctSections },
    ];
  } finally {
    await queue.close().catch(() => undefined);
    await Promise.all(workers.map((w) => stopWorkerProcess(w)));
    await smtp.close();
    await redis.kill();
  }
}

function startWorker(dataDir: string, redisUrl: string, smtpUrl: string, inspectPort: number | undefined): Promise<ChildProcess> {
  return startWorkerProcess({
    clock: '2023-04-03T01:00:00.000Z', inspectPort,
    env: {
      DATA_DIR: dataDir, REDIS_URL: redisUrl, REMINDER_QUEUE: QUEUE, SMTP_URL: smtpUrl, LOG_LEVEL: 'error',
      MAIL_FROM: '練馬区 企画課 <pdca-noreply@city.example.jp>', PLANNING_OFFICE_EMAIL: 'kikaku@city.example.jp', PUBLIC_BASE_URL: 'https://pdca.city.example.jp',
      ...knobs,
    },
  });
}

/** A connection per message, or the worker mailer's pool, straight at the SMTP server, as many at a time as the worker runs jobs. */
async function directSendRate(smtp: SmtpCounter, messages: number, pool: boolean): Promise<number> {
  const transport = createTransport(pool ? { url: smtp.url, pool: true, maxConnections: tuning.SMTP_MAX_CONNECTIONS, maxMessages: tuning.SMTP_MAX_MESSAGES_PER_CONNECTION } : { url: smtp.url }, { from: 'bench <bench@city.example.jp>' });
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: tuning.REMINDER_CONCURRENCY }, async () => {
    for (let i = next++; i < messages; i = next++) await transport.sendMail({ to: `sec${i}@bench.example.jp`, subject: '【督促】令和4年度 実績報告が未提出です', text: '未提出の取組があります。\n'.repeat(20) });
  }));
  transport.close();
  return messages / ((performance.now() - started) / 1000);
}

async function headOf(file: string): Promise<number> {
  const store = new SqliteEventStore(file);
  try {
    return await store.headPosition();
  } finally {
    await closeStore(store);
  }
}

async function countSent(file: string): Promise<number> {
  const store = new SqliteEventStore(file);
  try {
    let count = 0;
    for (let after = 0; ; ) {
      const rows = store.readAllRows(after, 20_000);
      if (rows.length === 0) return count;
      count += rows.filter((row) => row.type === 'ReminderSent').length;
      after = rows[rows.length - 1].position;
    }
  } finally {
    await closeStore(store);
  }
}
