import fc from 'fast-check';
import {
  KpiDraftDto,
  KpiSubmissionDto,
  ProjectDraftDto,
  ProjectSubmissionDto,
  ReviewDto,
} from '../evaluations/evaluation.request.dto';
import { plainOf } from './plain-body';
import { ItemParams } from './route-params';
import { createValidationPipe } from './validation';

const DTOS = { ProjectSubmissionDto, KpiSubmissionDto, ProjectDraftDto, KpiDraftDto, ReviewDto };
const pipe = createValidationPipe();

/** The full class-validator path: a subclass has the DTO's rules but no shape of its own. */
async function fullValidation(dto: new () => object, body: unknown): Promise<{ ok: boolean; value?: unknown }> {
  const probe = class extends dto {};
  try {
    return { ok: true, value: await pipe.transform(body, { type: 'body', metatype: probe }) };
  } catch {
    return { ok: false };
  }
}

const limitText = (n: number) => fc.constantFrom('', ' ', 'a'.repeat(n), 'a'.repeat(n + 1), '😀'.repeat(n / 2 + 1));
const anyValue = fc.oneof(
  fc.string({ maxLength: 8 }),
  limitText(50),
  limitText(200),
  limitText(2_000),
  fc.constantFrom('nerima', 'ordinal', 'taisho', 'A', 'A+', 'B', '*', '-', 'X', 'approve', 'return', 'adjust'),
  fc.constantFrom(null, true, false, 0, 1, 2.5, [], ['A'], {}),
);
const KEYS = [
  'actual',
  'rating',
  'text',
  'value',
  'asOf',
  'scheme',
  'grade',
  'bReason',
  'note',
  'decision',
  'comments',
];
const extraKeys = fc.constantFrom('achievement', 'reason', 'admin', 'constructor', 'toString');
const field = fc.oneof(fc.constantFrom(...KEYS), extraKeys);
const leaf = fc.dictionary(field, anyValue, { maxKeys: 4 });
const body = fc.dictionary(field, fc.oneof(anyValue, leaf), { maxKeys: 4 });
/** Near-valid bodies: the common shapes, each field mostly valid, any of them left out. */
const mostly = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: good, weight: 4 }, { arbitrary: anyValue, weight: 1 });
const goodText = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), limitText(50));
const optional = { requiredKeys: [] as never[] };
const nearValid = fc.record(
  {
    actual: fc.oneof(
      fc.record({ text: mostly(goodText) }, optional),
      fc.record({ value: mostly(goodText), asOf: mostly(goodText) }),
      leaf,
    ),
    rating: fc.oneof(
      fc.record({ scheme: mostly(fc.constant('nerima')), grade: mostly(fc.constantFrom('A+', 'A', 'B', '*', '-')) }),
      fc.record({ scheme: anyValue, grade: anyValue, note: mostly(goodText), bReason: mostly(goodText) }, optional),
      leaf,
    ),
    decision: mostly(fc.constantFrom('approve', 'return')),
    comments: mostly(goodText),
  },
  optional,
);
const someFields = nearValid.chain((b) =>
  fc.subarray(Object.keys(b)).map((keys) => Object.fromEntries(keys.map((k) => [k, b[k as keyof typeof b]]))),
);

/** Each limit just kept and just passed, always tried first (a text's limit counts UTF-16 units here). */
const over = (n: number) => 'a'.repeat(n + 1);
const nerima = { scheme: 'nerima', grade: 'B' };
const boundaries: unknown[] = [
  { actual: { text: 'a'.repeat(2_000) } },
  { actual: { text: over(2_000) } },
  { actual: { text: '😀'.repeat(1_001) } },
  { actual: { value: over(200), asOf: '令和4年度末' } },
  { actual: { value: '12件', asOf: over(50) } },
  { actual: { text: '実施' }, rating: { ...nerima, note: over(2_000) } },
  { actual: { text: '実施' }, rating: { ...nerima, bReason: over(50) } },
  { actual: { value: '12件', asOf: '令和4年度末' }, rating: { ...nerima, bReason: 'a'.repeat(50) } },
  { rating: { ...nerima, note: over(2_000) } },
  { decision: 'approve', comments: over(2_000) },
  { decision: 'return', comments: 'a'.repeat(2_000) },
];

describe('plain bodies of the hot command routes', () => {
  it.each(Object.entries(DTOS))(
    '%s: a body its shape takes is one class-validator takes, unchanged',
    async (_name, dto) => {
      const shape = plainOf(dto)!.shape;
      expect(shape).toBeDefined();
      let taken = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(body, nearValid, someFields), async (candidate) => {
          const parsed = JSON.parse(JSON.stringify(candidate)) as unknown; // as the body parser hands it over
          if (!shape(parsed)) return;
          taken++;
          const full = await fullValidation(dto, parsed);
          expect(full.ok).toBe(true);
          expect(JSON.parse(JSON.stringify(full.value))).toEqual(parsed);
        }),
        { numRuns: 4_000, examples: boundaries.map((b) => [b]) },
      );
      expect(taken).toBeGreaterThan(10); // the property saw bodies the shape takes, not only refusals
    },
  );

  it("takes the bench's and the web app's submission as it is, and sends null, other schemes and unknown fields to class-validator", () => {
    const shape = plainOf(ProjectSubmissionDto)!.shape;
    expect(shape({ actual: { text: '令和8年度 実施（計17か所）' }, rating: { scheme: 'nerima', grade: 'A' } })).toBe(
      true,
    );
    expect(
      shape({ actual: { text: '実施' }, rating: { scheme: 'nerima', grade: 'B', bReason: 'x', note: '理由' } }),
    ).toBe(true);
    expect(shape({ actual: { text: '実施' }, rating: null })).toBe(false);
    expect(shape({ actual: { text: '実施' }, rating: { scheme: 'taisho', achievement: 'A' } })).toBe(false);
    expect(shape({ actual: { text: '実施', extra: 1 } })).toBe(false);
    expect(shape(JSON.parse('{"actual":{"text":"実施"},"constructor":{}}'))).toBe(false);
    expect(shape({ actual: { text: '' } })).toBe(false);
  });

  it('ItemParams: parameters its shape takes are ones class-validator takes, converted the same way', async () => {
    const { shape, convert } = plainOf(ItemParams)!;
    const year = fc.oneof(
      fc.integer({ min: 1990, max: 2110 }).map(String),
      fc.constantFrom('2022.0', ' 2022', '0x7E6', '2e3', '02022', '', 'R4'),
    );
    const id = fc.oneof(
      fc.constantFrom('nerima', 'P01-011', 'K1', 'a', 'Nerima', '__proto__', 'constructor', 'x'.repeat(41), 'ab cd'),
      fc.string({ maxLength: 6 }),
    );
    // Fastify's route parameters come as an object without prototype.
    const asParams = (fields: Record<string, string>) => Object.assign(Object.create(null) as object, fields);
    const params = fc.record({ wardId: id, fiscalYear: year, itemId: id }).map(asParams);
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(params, async (candidate) => {
        if (!shape(candidate)) return;
        taken++;
        const full = await pipe.transform(candidate, { type: 'param', metatype: class extends ItemParams {} });
        expect(JSON.parse(JSON.stringify(full))).toEqual(convert!(candidate as never));
      }),
      { numRuns: 3_000, examples: [[asParams({ wardId: 'nerima', fiscalYear: '2100', itemId: 'P01-011' })]] },
    );
    expect(taken).toBeGreaterThan(10);
    expect(convert!(asParams({ wardId: 'nerima', fiscalYear: '2026', itemId: 'K1' }) as never)).toEqual({
      wardId: 'nerima',
      fiscalYear: 2026,
      itemId: 'K1',
    });
  });
});
