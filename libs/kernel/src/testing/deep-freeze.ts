/**
 * Freezes a value and everything reachable from it, so that a decide or evolve which writes into
 * its input throws a TypeError (strict mode) instead of silently changing someone else's state.
 */
export function deepFreeze<T>(value: T, seen = new WeakSet<object>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  return Object.freeze(value);
}
