import { openSealedTexts, replaceAtPaths, sealedTextsIn } from './field-paths';
import type { SealedText } from './sealed-text';

const sealed = (kid: string): SealedText => ({ $personal: 'aes-256-gcm', kid, iv: 'iv', sealed: 'x' });

describe('sealed texts in event data', () => {
  const data = {
    item: { itemId: 'P01-001' },
    actual: { text: sealed('k1') },
    comments: [{ note: sealed('k2'), by: 'x' }, { note: 'plain' }],
    count: 3,
  };

  it('are found with their paths, in arrays too', () => {
    expect(sealedTextsIn(data)).toEqual([
      { path: 'actual.text', envelope: sealed('k1') },
      { path: 'comments.0.note', envelope: sealed('k2') },
    ]);
    expect(sealedTextsIn(sealed('k3'), 'note')).toEqual([{ path: 'note', envelope: sealed('k3') }]);
  });

  it('are opened by copying only the objects on the way, leaving the input as it was', () => {
    const frozen = JSON.parse(JSON.stringify(data)) as typeof data;
    const opened = openSealedTexts(Object.freeze(frozen), (envelope, path) => `${envelope.kid}@${path}`) as typeof data;
    expect(opened.actual).toEqual({ text: 'k1@actual.text' });
    expect(opened.comments[0]).toEqual({ note: 'k2@comments.0.note', by: 'x' });
    expect(opened.comments[1]).toBe(frozen.comments[1]);
    expect(opened.item).toBe(frozen.item);
    expect(frozen.actual.text).toEqual(sealed('k1'));
  });

  it('give the data itself back when it holds none', () => {
    const plain = { a: { b: ['c'] } };
    expect(openSealedTexts(plain, () => 'opened')).toBe(plain);
    expect(sealedTextsIn(plain)).toEqual([]);
  });
});

describe('replacing texts at field paths', () => {
  const data = {
    actual: { text: '実績', by: 'x' },
    steps: [{ note: 'a' }, { note: '' }, { other: 'b' }, { note: 'c' }],
    rating: { note: 'n' },
    inherited: Object.create({ note: 'from prototype' }) as object,
  };
  const paths = ['actual.text', 'steps.*.note', 'rating.missing', 'inherited.note', 'actual.text.deeper'];

  it('replaces non-empty strings with their full path, copying only the objects on the way', () => {
    const frozen = Object.freeze({ ...data, actual: Object.freeze({ ...data.actual }) });
    const replaced = replaceAtPaths(frozen, paths, (text, path) => `${text}@${path}`) as typeof data;
    expect(replaced.actual).toEqual({ text: '実績@actual.text', by: 'x' });
    expect(replaced.steps).toEqual([
      { note: 'a@steps.0.note' },
      { note: '' },
      { other: 'b' },
      { note: 'c@steps.3.note' },
    ]);
    expect(replaced.steps[1]).toBe(data.steps[1]);
    expect(replaced.rating).toBe(data.rating);
    expect(replaced.inherited).toBe(data.inherited);
    expect(frozen.actual.text).toBe('実績');
    expect(data.steps[0].note).toBe('a');
  });

  it('gives the data itself back when no path reaches a text', () => {
    expect(replaceAtPaths(data, ['rating.missing', 'steps.*.other.x', 'count'], () => 'replaced')).toBe(data);
  });
});
