/** Paths of the signed-in user's ward. */
export const wardPath = (wardId: string, rest: string) => `/wards/${encodeURIComponent(wardId)}${rest}`;
