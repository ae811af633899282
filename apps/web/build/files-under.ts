import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file at or below `path`. */
export function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}
