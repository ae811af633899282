import type { Response } from 'supertest';

/**
 * A supertest `.parse()` that keeps the reply's bytes as sent, undecoded: for tests about a file
 * being the same file (PDF, workbook, CSV with its BOM).
 */
export function rawBytes(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
