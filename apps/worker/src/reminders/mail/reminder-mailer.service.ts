import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { Environment, processMetrics } from '@pdca/platform';
import { RawMessageBuilder } from './raw-message';

export interface OutgoingMail {
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  /** Deterministic per reminder, so a copy sent twice (see SendReminder) is recognisable as the same message. */
  messageId: string;
}

export interface MailReceipt {
  messageId: string;
  accepted: string[];
}

/**
 * SMTP through a pooled nodemailer transport, with bounded waits so a hung server becomes a retry.
 * A connection per message costs a TCP and SMTP handshake each time (and servers delay their greeting
 * to catch early talkers): a reused pool sends an order of magnitude more per second. Its size and
 * how long a connection lives are SMTP_MAX_CONNECTIONS and SMTP_MAX_MESSAGES_PER_CONNECTION.
 */
@Injectable()
export class ReminderMailer implements OnModuleDestroy {
  private readonly transport;
  private readonly messages: RawMessageBuilder;

  constructor(private readonly environment: Environment) {
    this.messages = new RawMessageBuilder(environment.MAIL_FROM);
    this.transport = createTransport({
      url: environment.SMTP_URL,
      pool: true,
      maxConnections: environment.SMTP_MAX_CONNECTIONS,
      maxMessages: environment.SMTP_MAX_MESSAGES_PER_CONNECTION,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  /** The sender's domain, for Message-IDs. */
  get domain(): string {
    return /@([^\s>]+)>?\s*$/.exec(this.environment.MAIL_FROM)?.[1] ?? 'localhost';
  }

  async send(mail: OutgoingMail): Promise<MailReceipt> {
    let info;
    try {
      info = await this.transport.sendMail(this.messages.build(mail, new Date()));
    } catch (error) {
      processMetrics().countEmail('failed');
      throw error;
    }
    processMetrics().countEmail('sent');
    return { messageId: mail.messageId, accepted: info.accepted.map(String) };
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
