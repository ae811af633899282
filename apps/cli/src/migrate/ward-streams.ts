export const everyStream = (): boolean => true;

/**
 * The streams of one ward, named `<kind>-<wardId>[-…]` (the same rule `pdca verify --ward` uses);
 * without a ward, every stream (this very function: the copy's check of the whole log's links needs to know).
 */
export function streamsOf(ward: string | undefined): (stream: string) => boolean {
  if (!ward) return everyStream;
  const pattern = new RegExp(`^[a-z]+-${ward.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:-|$)`);
  return (stream) => pattern.test(stream);
}
