import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitUntil } from './wait';

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO): who really got it, To and Cc alike. */
  rcptTo: string[];
  messageId: string;
  subject: string;
  to: string;
  cc: string;
  text: string;
}

/** A real SMTP server in the test process; it keeps what it received, decoded. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  /** Refused deliveries (while `refusing`), for retry tests. */
  refusedCount = 0;
  refusing = false;
  /** Refuses the next this many messages to these addresses (one mailbox failing among others). */
  readonly refuseNext = new Map<string, number>();
  /** While set, messages are read but never answered (no 250): a sender killed meanwhile delivered nothing. */
  holding = false;
  heldCount = 0;
  /** Connection errors the server saw (a killed sender's reset: ECONNRESET). */
  readonly connectionErrors: string[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpSink> {
    let sink: SmtpSink | undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (sink!.holding) {
            sink!.heldCount++;
            return;
          }
          const refused = session.envelope.rcptTo.find((r) => (sink!.refuseNext.get(r.address) ?? 0) > 0);
          if (refused) sink!.refuseNext.set(refused.address, sink!.refuseNext.get(refused.address)! - 1);
          if (sink!.refusing || refused) {
            sink!.refusedCount++;
            return callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }));
          }
          sink!.received.push(
            parseMail(
              Buffer.concat(chunks).toString('utf8'),
              session.envelope.rcptTo.map((r) => r.address),
            ),
          );
          callback();
        });
      },
    });
    // A client killed in the middle of a message resets its connection: a server notes it and carries on.
    server.on('error', (error: NodeJS.ErrnoException) => sink!.connectionErrors.push(error.code ?? error.message));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    sink = new SmtpSink(server, (server.server.address() as AddressInfo).port);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async waitForCount(count: number, timeoutMs = 30_000): Promise<ReceivedMail[]> {
    return waitUntil(
      `${count} e-mails (have ${this.received.length})`,
      () => this.received.length >= count && this.received,
      timeoutMs,
    );
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.rcptTo.includes(address));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function parseMail(raw: string, rcptTo: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headers = parseHeaders(raw.slice(0, split));
  const body = raw.slice(split + 4);
  return {
    rcptTo,
    messageId: headers['message-id'] ?? '',
    subject: decodeWords(headers.subject ?? ''),
    to: decodeWords(headers.to ?? ''),
    cc: decodeWords(headers.cc ?? ''),
    text: decodeBody(body, headers['content-transfer-encoding'] ?? '7bit'),
  };
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=); whitespace between two words is dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
    );
}

function decodeBody(body: string, encoding: string): string {
  const kind = encoding.toLowerCase();
  if (kind === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (kind === 'quoted-printable') return qp(body.replace(/=\r\n/g, ''));
  return body;
}

function qp(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8').replace(/\r\n/g, '\n');
}
