import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** An in-process SMTP server that accepts everything and remembers each message's Message-ID and recipients. */
export class SmtpCounter {
  readonly messageIds: string[] = [];
  readonly recipients: string[] = [];
  firstAt = 0;
  lastAt = 0;

  private constructor(private readonly server: SMTPServer, readonly port: number) {}

  static async start(): Promise<SmtpCounter> {
    let counter: SmtpCounter | undefined;
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, maxClients: 1_000, disableReverseLookup: true,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const head = Buffer.concat(chunks).toString('utf8', 0, 4_096);
          counter!.messageIds.push(/^message-id:\s*(\S+)/im.exec(head)?.[1] ?? '');
          counter!.recipients.push(...session.envelope.rcptTo.map((r) => r.address));
          counter!.lastAt = performance.now();
          counter!.firstAt ||= counter!.lastAt;
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    counter = new SmtpCounter(server, (server.server.address() as AddressInfo).port);
    return counter;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get count(): number {
    return this.messageIds.length;
  }

  reset(): void {
    this.messageIds.length = 0;
    this.recipients.length = 0;
    this.firstAt = 0;
    this.lastAt = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
