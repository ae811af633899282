import { canonicalJson, sameJson } from './canonical-json';

/** The examples of RFC 8785 (JSON Canonicalization Scheme), sections 3.2.2 and 3.2.3. */
describe('canonicalJson (RFC 8785)', () => {
  it('prints numbers as ECMAScript does and strings as JSON.stringify escapes them', () => {
    const input = JSON.parse(
      String.raw`{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
        "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/", "literals": [null, true, false]}`,
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('sorts keys by UTF-16 code units, surrogate pairs included', () => {
    const input = JSON.parse(
      String.raw`{"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One", "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis"}`,
    ) as Record<string, string>;
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('leaves out undefined members, prints undefined array elements as null and uses toJSON', () => {
    expect(canonicalJson({ b: undefined, a: [undefined, 1], d: new Date(0) })).toBe(
      '{"a":[null,1],"d":"1970-01-01T00:00:00.000Z"}',
    );
    expect(sameJson({ a: 1, b: { d: 2, c: 3 } }, { b: { c: 3, d: 2 }, a: 1 })).toBe(true);
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
    expect(() => canonicalJson({ a: Infinity })).toThrow();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow();
  });
});
