import type { Actor } from '@pdca/kernel';
import { deepFreeze } from '@pdca/kernel/testing';
import { DEFAULT_B_REASONS } from '@pdca/review';
import type { EvaluationContext, EvaluationState, ItemKind, Scheme } from '@pdca/review';
import { decideWorkbookRow } from './decide-row';
import type { WorkbookRow } from './read-section-workbook';
import { readRowIntent } from './row-intent';
import { editableCells } from './workbook-cells';
import type { Cells } from './workbook-cells';

const hoiku: Actor = { userId: 'hoiku-1', role: 'section_staff', wardId: 'nerima', sectionId: 'hoiku' };

const SCALE = {
  grades: [
    { code: 'S', label: '大きく上回った' },
    { code: 'A', label: '計画どおり' },
    { code: 'C', label: '遅れた' },
  ],
  reasonRequired: ['C'],
};

const contextOf = (
  kind: ItemKind,
  scheme: Scheme,
  item: Partial<EvaluationContext['item']> = {},
): EvaluationContext => ({
  actor: hoiku,
  item: {
    wardId: 'nerima',
    fiscalYear: 2022,
    kind,
    itemId: 'P06',
    sectionId: 'hoiku',
    notSuitedForShortTermEvaluation: false,
    nothingPlanned: false,
    ...item,
  },
  cycle: {
    status: 'open',
    scheme,
    deadline: '2023-05-31T14:59:59.999Z',
    bReasons: DEFAULT_B_REASONS,
    ...(scheme === 'ordinal' ? { ordinalScale: SCALE } : {}),
  },
  now: '2023-05-10T01:00:00.000Z',
});

/** A row as the sheet holds it, decided on a given state: the same path the preview and the confirm take. */
function decide(
  cells: Cells,
  options: {
    kind?: ItemKind;
    scheme?: Scheme;
    state?: EvaluationState;
    item?: Partial<EvaluationContext['item']>;
    applied?: boolean;
  } = {},
) {
  const kind = options.kind ?? 'project';
  const scheme = options.scheme ?? 'nerima';
  const row: WorkbookRow = { sheet: kind === 'project' ? '取組' : '指標', row: 7, itemId: 'P06', cells };
  const { intent, errors } = readRowIntent(row, kind, scheme, DEFAULT_B_REASONS);
  if (errors.length > 0) return { outcome: 'error', errors, warnings: [] };
  // Frozen inputs: deciding a row never writes into the row, the intent, the context or the state.
  const facts = {
    context: contextOf(kind, scheme, options.item),
    state: options.state ?? { status: 'not_started' as const },
    alreadyApplied: options.applied ?? false,
  };
  return decideWorkbookRow(deepFreeze(row), deepFreeze(intent), deepFreeze(facts));
}
const columns = (decision: { errors: { column: string; code: string }[] }) =>
  decision.errors.map((e) => `${e.column}:${e.code}`);

describe('a row of the section workbook', () => {
  it('submits a complete row with the command the form would send', () => {
    const decision = decide({ actual: '9所', grade: 'B', bReason: 'コロナ', note: '縮小', submit: 'はい' });
    expect(decision).toMatchObject({
      outcome: 'submit',
      command: {
        type: 'SubmitActual',
        data: {
          actual: { kind: 'project', text: '9所' },
          rating: { scheme: 'nerima', grade: 'B', bReason: 'covid19', note: '縮小' },
        },
      },
    });
  });

  it('lists every rule a row breaks, each on its own column', () => {
    expect(columns(decide({ actual: '', grade: 'B', submit: 'はい' }))).toEqual([
      '実績:FIELD_REQUIRED',
      'Bの内訳:FIELD_REQUIRED',
      '備考:FIELD_REQUIRED',
    ]);
    expect(columns(decide({ actual: '実施', grade: '-', bReason: '工事', submit: 'はい' }))).toEqual([
      '進捗状況:DASH_REQUIRES_NOTHING_PLANNED',
      'Bの内訳:B_REASON_ONLY_FOR_B',
    ]);
    expect(columns(decide({ actual: '実施', grade: 'C', submit: 'たぶん' }))).toEqual([
      '提出:YES_NO_INVALID',
      '進捗状況:RATING_INVALID',
    ]);
  });

  it('saves a draft without judging its rating, but warns what its submission would need', () => {
    const decision = decide({ actual: '途中', grade: 'A+' });
    expect(decision).toMatchObject({ outcome: 'draft', errors: [], command: { type: 'SaveDraft' } });
    expect(columns({ errors: decision.warnings })).toEqual(['備考:FIELD_REQUIRED']);
  });

  it('needs the rating on a submitted project row, since the council cannot approve an unrated item', () => {
    expect(columns(decide({ actual: '実施', submit: 'はい' }))).toEqual(['進捗状況:RATING_REQUIRED']);
    expect(decide({ actual: '計206所', actualAsOf: '令和5年4月1日', submit: 'はい' }, { kind: 'kpi' })).toMatchObject({
      outcome: 'submit',
    });
  });

  it('reads an untouched row as no change, whatever the status, and a changed approved row as decide refuses it', () => {
    const approved: EvaluationState = {
      status: 'approved',
      actual: { kind: 'project', text: '9所' },
      sectionRating: { scheme: 'nerima', grade: 'B', bReason: 'construction', note: '遅れ' },
      late: false,
    };
    const cells = editableCells(approved, DEFAULT_B_REASONS);
    expect(cells).toMatchObject({ bReason: '工事等の進捗状況により予定変更が生じたもの', submit: 'はい' });
    expect(decide(cells, { state: approved }).outcome).toBe('unchanged');
    expect(columns(decide({ ...cells, actual: '10所' }, { state: approved }))).toEqual(['状態:INVALID_STATUS']);
  });

  it('reads cells back as they hold values: a stored note with spaces around it is no change', () => {
    const imported: EvaluationState = {
      status: 'approved',
      actual: { kind: 'project', text: '実施 ' },
      sectionRating: { scheme: 'nerima', grade: 'A+', note: '前倒し\n' },
      late: false,
      importId: 'x',
    };
    const cells = Object.fromEntries(
      Object.entries(editableCells(imported, DEFAULT_B_REASONS)).map(([key, value]) => [key, value?.trim()]),
    );
    expect(decide(cells, { state: imported }).outcome).toBe('unchanged');
  });

  it('keeps a returned item returned when its row is not touched, and resubmits it when asked', () => {
    const returned: EvaluationState = {
      status: 'returned',
      comments: '根拠を',
      actual: { kind: 'project', text: '9所' },
      sectionRating: { scheme: 'nerima', grade: 'A' },
      late: false,
    };
    const cells = editableCells(returned, DEFAULT_B_REASONS);
    expect(decide(cells, { state: returned }).outcome).toBe('unchanged');
    expect(decide({ ...cells, submit: 'はい' }, { state: returned }).outcome).toBe('submit');
  });

  it("refuses another section's item through decide's own ownership rule", () => {
    expect(columns(decide({ actual: '実施', grade: 'A' }, { item: { sectionId: 'gakumu' } }))).toEqual([
      '取組ID:NOT_YOUR_SECTION',
    ]);
  });

  it('recognises a row an earlier try of the same upload already wrote', () => {
    expect(decide({ actual: '実施', grade: 'A', submit: 'はい' }, { applied: true }).outcome).toBe('applied');
  });

  it("reads Taisho's fields: achievement, performance target, withdrawal criterion and whether it was hit", () => {
    const decision = decide(
      {
        actual: '実施',
        achievement: 'b',
        performanceTarget: '満足度80%',
        withdrawalCriterion: '50%未満',
        withdrawalCriterionHit: 'いいえ',
        note: '未達',
        submit: 'はい',
      },
      { scheme: 'taisho' },
    );
    expect(decision).toMatchObject({
      outcome: 'submit',
      command: {
        data: { rating: { scheme: 'taisho', achievement: 'B', withdrawalCriterionHit: false, note: '未達' } },
      },
    });
    expect(
      columns(
        decide(
          { actual: '実施', achievement: 'B', withdrawalCriterionHit: 'はい', submit: 'はい' },
          { scheme: 'taisho' },
        ),
      ),
    ).toEqual(['備考:FIELD_REQUIRED', '撤退基準:FIELD_REQUIRED']);
    expect(
      columns(
        decide({ actual: '12件', actualAsOf: '平成28年度末', submit: 'はい' }, { scheme: 'taisho', kind: 'kpi' }),
      ),
    ).toEqual(['達成状況:RATING_REQUIRED']);
  });

  it("reads a ward's own grade, and names the note column when the scale asks for a reason", () => {
    expect(decide({ actual: '実施', grade: 'Ｓ', submit: 'はい' }, { scheme: 'ordinal' })).toMatchObject({
      outcome: 'submit',
      command: { type: 'SubmitActual', data: { rating: { scheme: 'ordinal', grade: 'S' } } },
    });
    expect(columns(decide({ actual: '実施', grade: 'C', submit: 'はい' }, { scheme: 'ordinal' }) as never)).toEqual([
      '備考:FIELD_REQUIRED',
    ]);
    expect(columns(decide({ actual: '実施', grade: 'E', submit: 'はい' }, { scheme: 'ordinal' }) as never)).toEqual([
      '評価:GRADE_NOT_ON_SCALE',
    ]);
  });
});
