import { applyCatalogueEvent, CatalogueCommand, catalogueDecider, emptyCatalogue, nothingPlanned } from '@pdca/catalogue';
import type { CatalogueState } from '@pdca/catalogue';
import { parseMeasuredValue } from '@pdca/kernel';
import type { Actor, DomainEvent } from '@pdca/kernel';
import {
  cycleDecider, cycleStream, DEFAULT_B_REASONS, EvaluationCommand, EvaluationContext, evaluationDecider, EvaluationState, evaluationStream,
  ItemKind, NerimaRating,
} from '@pdca/review';
import type { EventSink } from './event-sink';

/** A ward shaped like Nerima's action plan: 6 pillars, 22 plans, ~10 projects per section, reposts, '*' and '-' projects. */
export interface WardShape {
  wardId: string;
  projects: number;
  sections: number;
  kpis: number;
  fiscalYears: number[];
  /** Set each year's 当初計画 (needed for '-' ratings and the report's planned column). */
  annualPlans: boolean;
  /** How far each year's evaluations get: nothing submitted, submitted and rated, or through the council. */
  stage: 'open' | 'submitted' | 'approved';
}

const PILLARS = ['I', 'II', 'III', 'IV', 'V', 'VI'];
const PLANS = 22;

export const planner = (wardId: string): Actor => ({ userId: `${wardId}.kikaku`, role: 'planning_office', wardId });
export const council = (wardId: string): Actor => ({ userId: `${wardId}.iin`, role: 'council_member', wardId });
export const staff = (wardId: string, sectionId: string): Actor => ({ userId: `${wardId}.${sectionId}`, role: 'section_staff', wardId, sectionId });

/** Ward ids have underscores, which a mail domain may not. */
const domainOf = (wardId: string) => `${wardId.replace(/_/g, '-')}.city.example.jp`;

export const sectionIdOf = (index: number) => `sec${String(index + 1).padStart(3, '0')}`;
export const projectIdOf = (index: number) => `P${String((index % PLANS) + 1).padStart(2, '0')}-${String(Math.floor(index / PLANS) + 1).padStart(3, '0')}`;

/** Which section owns the index-th project: consecutive blocks, like a ward's departments. */
export const sectionOfProject = (shape: Pick<WardShape, 'projects' | 'sections'>, index: number) =>
  sectionIdOf(Math.min(shape.sections - 1, Math.floor((index * shape.sections) / shape.projects)));

export function catalogueCommands(shape: WardShape): CatalogueCommand[] {
  const actor = planner(shape.wardId);
  const commands: CatalogueCommand[] = [];
  for (let s = 0; s < shape.sections; s++) {
    const sectionId = sectionIdOf(s);
    commands.push({ type: 'RegisterSection', actor, data: { sectionId, department: `第${Math.floor(s / 6) + 1}部`, name: `事業${s + 1}課`, email: `${sectionId}@${domainOf(shape.wardId)}`, headEmail: `${sectionId}-head@${domainOf(shape.wardId)}` } });
  }
  PILLARS.forEach((code) => commands.push({ type: 'RegisterPillar', actor, data: { pillarId: code, code, title: `基本目標${code}` } }));
  for (let p = 1; p <= PLANS; p++) commands.push({ type: 'RegisterPlan', actor, data: { planId: String(p), code: String(p), title: `戦略計画${p}`, pillarId: PILLARS[Math.floor(((p - 1) * PILLARS.length) / PLANS)] } });
  for (let i = 0; i < shape.projects; i++) commands.push(...projectCommands(shape, i, actor));
  for (let k = 0; k < shape.kpis; k++) {
    const planId = String((k % PLANS) + 1);
    commands.push({
      type: 'RegisterKpi', actor,
      data: {
        kpiId: `K${planId.padStart(2, '0')}-${String(Math.floor(k / PLANS) + 1).padStart(2, '0')}`, planId, indicator: `指標${k + 1}の実施箇所数`,
        kind: k % 3 === 0 ? 'outcome' : 'output', sectionId: sectionIdOf(k % shape.sections),
        baseline: { value: parseMeasuredValue(`計${100 + k}所`), asOf: '令和3年度末' }, target: { value: parseMeasuredValue(`計${140 + k}所`), asOf: '令和5年度末' },
      },
    });
  }
  return commands;
}

function projectCommands(shape: WardShape, i: number, actor: Actor): CatalogueCommand[] {
  const projectId = projectIdOf(i);
  const planId = String((i % PLANS) + 1);
  const sectionNo = `${(i % 5) + 1}(${(i % 3) + 1})`;
  const reposts = i % 10 === 3 ? [{ planId: String(((i + 1) % PLANS) + 1), sectionNo: '関連1', sectionTitle: '再掲' }] : [];
  const commands: CatalogueCommand[] = [{
    type: 'RegisterProject', actor,
    data: { projectId, name: `取組${i + 1}（${projectId}）の推進`, home: { planId, sectionNo, sectionTitle: `項目${sectionNo}` }, sectionId: sectionOfProject(shape, i), notSuitedForShortTermEvaluation: i % 11 === 5, reposts },
  }];
  if (shape.annualPlans) {
    for (const fiscalYear of shape.fiscalYears) {
      const planned = i % 35 === 7 ? '—' : `${fiscalYear - 2018}年度 実施（計${10 + (i % 40)}か所）`;
      commands.push({ type: 'SetAnnualPlan', actor, data: { projectId, fiscalYear, target: '計50か所', statusAtPreviousYearEnd: '計40か所', planned } });
    }
  }
  return commands;
}

/** A rating the rules accept, spread roughly like Nerima's FY R4 summary (5% A+, 74% A, 9% B, '*', '-'). */
export function ratingFor(catalogue: CatalogueState, projectId: string, fiscalYear: number, index: number): NerimaRating {
  const project = catalogue.projects[projectId];
  if (project.notSuitedForShortTermEvaluation) return { scheme: 'nerima', grade: '*' };
  if (nothingPlanned(project, fiscalYear)) return { scheme: 'nerima', grade: '-' };
  const roll = (index * 37 + fiscalYear) % 100;
  if (roll < 6) return { scheme: 'nerima', grade: 'A+', note: '計画を前倒しして実施したため。' };
  if (roll < 16) return { scheme: 'nerima', grade: 'B', bReason: DEFAULT_B_REASONS[roll % 4].code, note: '関係機関との調整に時間を要したため。' };
  return { scheme: 'nerima', grade: 'A' };
}

export interface MutableClock {
  now(): Date;
  at: Date;
}

export const fixtureClock = (iso: string): MutableClock => {
  const clock = { at: new Date(iso), now: () => new Date(clock.at) };
  return clock;
};

/** Writes a whole ward: catalogue, then per fiscal year the cycle and every item's evaluation up to `stage`. */
export function writeWard(writer: EventSink, shape: WardShape, options: { deadline?: (fiscalYear: number) => string } = {}): CatalogueState {
  const { wardId } = shape;
  const clock = fixtureClock(`${shape.fiscalYears[0]}-03-15T00:00:00.000Z`);
  // The fixture owns its catalogue: applied in place (evolveCatalogue would copy a map per event).
  const catalogue = emptyCatalogue();
  for (const command of catalogueCommands(shape)) {
    const events = catalogueDecider.decide(command, catalogue);
    events.forEach((event) => applyCatalogueEvent(catalogue, event));
    writer.append(`catalogue-${wardId}`, events, { commandType: command.type, actor: command.actor }, clock);
  }
  for (const fiscalYear of shape.fiscalYears) writeYear(writer, shape, catalogue, fiscalYear, clock, options.deadline?.(fiscalYear) ?? `${fiscalYear + 1}-05-31T14:59:59.999Z`);
  return catalogue;
}

function writeYear(writer: EventSink, shape: WardShape, catalogue: CatalogueState, fiscalYear: number, clock: MutableClock, deadline: string): void {
  const { wardId } = shape;
  const scope = { projectIds: Object.keys(catalogue.projects), kpiIds: Object.keys(catalogue.kpis) };
  clock.at = new Date(`${fiscalYear + 1}-04-03T00:30:00.000Z`);
  const context = { actor: planner(wardId), wardId, fiscalYear, now: clock.now().toISOString() };
  const opened = cycleDecider.decide({ type: 'OpenCycle', data: { scheme: 'nerima', deadline, bReasons: [...DEFAULT_B_REASONS], scope }, context }, cycleDecider.initialState());
  writer.append(cycleStream(wardId, fiscalYear), opened, { commandType: 'OpenCycle', actor: context.actor }, clock);
  if (shape.stage === 'open') return;
  clock.at = new Date(`${fiscalYear + 1}-05-10T01:00:00.000Z`);
  scope.projectIds.forEach((itemId, i) => evaluateItem(writer, shape, catalogue, fiscalYear, deadline, clock, 'project', itemId, i));
  scope.kpiIds.forEach((itemId, i) => evaluateItem(writer, shape, catalogue, fiscalYear, deadline, clock, 'kpi', itemId, i));
}

/** Draft (some), submission with rating, return and resubmission (some), then approval or adjustment. */
function evaluateItem(
  writer: EventSink, shape: WardShape, catalogue: CatalogueState, fiscalYear: number, deadline: string, clock: MutableClock,
  kind: ItemKind, itemId: string, index: number,
): void {
  const entry = kind === 'project' ? catalogue.projects[itemId] : catalogue.kpis[itemId];
  const item = {
    wardId: shape.wardId, fiscalYear, kind, itemId, sectionId: entry.sectionId,
    notSuitedForShortTermEvaluation: kind === 'project' && catalogue.projects[itemId].notSuitedForShortTermEvaluation,
    nothingPlanned: kind === 'project' && nothingPlanned(catalogue.projects[itemId], fiscalYear),
  };
  const stream = evaluationStream(item);
  const cycle = { status: 'open' as const, scheme: 'nerima' as const, deadline, bReasons: DEFAULT_B_REASONS };
  let state: EvaluationState = evaluationDecider.initialState();
  const run = (actor: Actor, command: Omit<EvaluationCommand, 'context'>) => {
    const context: EvaluationContext = { actor, item, cycle, now: clock.now().toISOString() };
    const events = evaluationDecider.decide({ ...command, context } as EvaluationCommand, state) as DomainEvent[];
    events.forEach((event) => (state = evaluationDecider.evolve(state, event as never)));
    writer.append(stream, events, { commandType: command.type, actor }, clock);
  };
  const section = staff(shape.wardId, entry.sectionId);
  const actual = kind === 'project'
    ? { kind: 'project' as const, text: `${fiscalYear - 2018}年度 実施（計${12 + (index % 40)}か所）` }
    : { kind: 'kpi' as const, value: parseMeasuredValue(`計${120 + index}所`), asOf: '年度末' };
  const rating = kind === 'project' ? ratingFor(catalogue, itemId, fiscalYear, index) : undefined;
  if (index % 10 === 1) run(section, { type: 'SaveDraft', data: { draft: { actual } } });
  run(section, { type: 'SubmitActual', data: { actual, rating } });
  if (shape.stage !== 'approved') return;
  if (index % 20 === 2) {
    run(council(shape.wardId), { type: 'ReturnSubmission', data: { comments: '実績の根拠（箇所数の内訳）を追記してください。' } });
    run(section, { type: 'SubmitActual', data: { actual, rating } });
  }
  if (kind === 'project' && index % 33 === 4 && rating?.grade === 'A') {
    run(council(shape.wardId), { type: 'AdjustRating', data: { rating: { scheme: 'nerima', grade: 'A+', note: '計画を上回る進捗' }, reason: '前倒しの実施を評価し A+ とする。' } });
  } else {
    run(council(shape.wardId), { type: 'ApproveSubmission', data: {} });
  }
}
