const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Every piece of data goes through this before it reaches HTML or SVG, text and attributes alike.
 * Five characters are all that HTML and XML need escaped; a dependency would add nothing here.
 */
export const escapeHtml = (value: string | number): string =>
  String(value).replace(/[&<>"']/g, (char) => ENTITIES[char]);
