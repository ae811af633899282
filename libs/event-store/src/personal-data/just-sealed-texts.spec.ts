import { JustSealedTexts } from './just-sealed-texts';

describe('the texts this process just sealed', () => {
  it('gives a text once, and only for the place it was sealed for', () => {
    const texts = new JustSealedTexts();
    texts.remember('kid-1', 'event-1:actual.text', '山田さんに確認');
    expect(texts.take('kid-1', 'event-2:actual.text')).toBeUndefined();
    expect(texts.take('kid-1', 'event-1:actual.text')).toBe('山田さんに確認');
    expect(texts.take('kid-1', 'event-1:actual.text')).toBeUndefined();
  });

  it('forgets the texts of an append that failed, and all of them on an erasure', () => {
    const texts = new JustSealedTexts();
    texts.remember('kid-1', 'e1:a', 'one');
    texts.remember('kid-2', 'e2:a', 'two');
    texts.remember('kid-3', 'e3:a', 'three');
    texts.forget(['kid-1']);
    expect(texts.take('kid-1', 'e1:a')).toBeUndefined();
    texts.forgetAll();
    expect(texts.take('kid-2', 'e2:a')).toBeUndefined();
    expect(texts.take('kid-3', 'e3:a')).toBeUndefined();
  });

  it('keeps at most 4,096 texts, the newest', () => {
    const texts = new JustSealedTexts();
    for (let i = 0; i < 4_097; i++) texts.remember(`kid-${i}`, `e${i}:a`, `text ${i}`);
    expect(texts.take('kid-0', 'e0:a')).toBeUndefined();
    expect(texts.take('kid-1', 'e1:a')).toBe('text 1');
    expect(texts.take('kid-4096', 'e4096:a')).toBe('text 4096');
  });
});
