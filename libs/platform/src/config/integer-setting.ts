import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

/**
 * Decimal digits become a number; anything else is kept as typed, so the start-up message names what
 * the operator wrote (Number('abc') would be NaN, which JSON prints as null) and " " is not taken for 0.
 */
const toInteger = ({ value }: { value: unknown }): unknown => {
  if (value === undefined || value === '') return undefined;
  return typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : value;
};

/** A whole-number setting from `min` to `max`, with one message for a non-number and for an out-of-range one. */
export function IntegerSetting(min: number, max: number): PropertyDecorator {
  const transform = Transform(toInteger);
  const validate = ValidateBy({
    name: 'integerSetting',
    constraints: [min, max],
    validator: {
      validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
      defaultMessage: (args) => `${args?.property} must be an integer from ${min} to ${max}`,
    },
  });
  return (target, property) => {
    transform(target, property);
    validate(target, property);
  };
}
