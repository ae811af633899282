import { StreamableFile } from '@nestjs/common';

/** A rendered file as the answer: type, exact length, and a download name where it is one. */
export function fileReply(type: string, body: string | Buffer, filename?: string): StreamableFile {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return new StreamableFile(bytes, {
    type,
    length: bytes.length,
    disposition: filename ? `attachment; filename="${filename}"` : undefined,
  });
}
