/**
 * A fast path for the bodies of the hot command routes. class-validator with class-transformer
 * costs the API's event loop ~8 % of a "submit actual" at 64 clients (instances, metadata walks,
 * every decorator's closure). A shape here recognises only bodies that the DTO's class-validator
 * rules certainly accept unchanged: every field known, every value a plain JSON value that passes
 * (a text no longer than the limit in UTF-16 units, which class-validator counts no shorter). Such a
 * body goes to the route as parsed; anything else (null, an unknown or extra field, another
 * scheme, a number…) takes the full validation as before, so every 400 and its wording stay
 * theirs. plain-body.spec.ts holds the shapes to that promise against the real pipe.
 */
export type Shape = (value: unknown) => boolean;
/** What class-transformer would make of a value the shape took (route parameters: a year as a number). */
export type Convert = (value: never) => unknown;
export interface Plain {
  shape: Shape;
  convert?: Convert;
}

const plains = new WeakMap<object, Plain>();

/** Class decorator: bodies of this DTO that pass `shape` skip class-validator. */
export const PlainBody =
  (shape: Shape): ClassDecorator =>
  (dto) =>
    void plains.set(dto, { shape });

/** Class decorator: route parameters that pass `shape` skip class-validator, converted as it would. */
export const PlainParams =
  (shape: Shape, convert: Convert): ClassDecorator =>
  (dto) =>
    void plains.set(dto, { shape, convert });

export const plainOf = (dto: unknown): Plain | undefined => (typeof dto === 'function' ? plains.get(dto) : undefined);

/** A string of at most `max` UTF-16 units; `filled`: not empty (IsNotEmpty). */
export const text =
  (max: number, filled = false): Shape =>
  (value) =>
    typeof value === 'string' && value.length <= max && (!filled || value.length > 0);

export const matching =
  (pattern: RegExp): Shape =>
  (value) =>
    typeof value === 'string' && pattern.test(value);

export const oneOf =
  (values: readonly unknown[]): Shape =>
  (value) =>
    values.includes(value);

/** A plain object holding every `required` field and no field that is neither required nor `optional`. */
export const object =
  (required: Record<string, Shape>, optional: Record<string, Shape> = {}): Shape =>
  (value) => {
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
    const fields = value as Record<string, unknown>;
    let found = 0;
    for (const key of Object.keys(fields)) {
      const rule = Object.hasOwn(required, key)
        ? required[key]
        : Object.hasOwn(optional, key)
          ? optional[key]
          : undefined;
      if (!rule || !rule(fields[key])) return false;
      if (Object.hasOwn(required, key)) found++;
    }
    return found === Object.keys(required).length;
  };

/** Fastify's route parameters (an object without prototype): exactly these fields, each passing its rule. */
export const routeParams =
  (fields: Record<string, Shape>): Shape =>
  (value) => {
    if (typeof value !== 'object' || value === null) return false;
    const keys = Object.keys(value);
    const given = value as Record<string, unknown>;
    return (
      keys.length === Object.keys(fields).length &&
      keys.every((key) => Object.hasOwn(fields, key) && fields[key](given[key]))
    );
  };
