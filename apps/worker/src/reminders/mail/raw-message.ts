import addressparser from 'nodemailer/lib/addressparser';
import { encodeWords } from 'nodemailer/lib/mime-funcs';

export interface RawMail {
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  messageId: string;
}

/** What a raw message is sent with: the SMTP envelope and the RFC 5322 text. */
export interface RawMessage {
  envelope: { from: string; to: string[] };
  raw: string;
}

/**
 * A reminder is one plain-text part: its RFC 5322 text is built here, and nodemailer's pool only
 * sends it. nodemailer's MIME tree (a node and a stream pipeline per message) was half of its CPU
 * time per message; the From line and the fixed headers are encoded once per process.
 */
export class RawMessageBuilder {
  private readonly from: string;
  private readonly fromLine: string;

  constructor(mailFrom: string) {
    const [parsed] = addressparser(mailFrom, { flatten: true });
    this.from = parsed?.address ?? mailFrom;
    const name = parsed?.name ? `${encodeWords(parsed.name, 'B', 52)} ` : '';
    this.fromLine = `From: ${name}<${this.from}>\r\n`;
  }

  build(mail: RawMail, date: Date): RawMessage {
    const headers = [
      this.fromLine,
      `To: ${mail.to.join(', ')}\r\n`,
      mail.cc.length > 0 ? `Cc: ${mail.cc.join(', ')}\r\n` : '',
      `Subject: ${encodeWords(mail.subject, 'B', 52).replaceAll(' =?', '\r\n =?')}\r\n`,
      `Message-ID: ${mail.messageId}\r\n`,
      `Date: ${date.toUTCString().replace(/GMT$/, '+0000')}\r\n`,
      FIXED_HEADERS,
    ];
    return {
      envelope: { from: this.from, to: [...mail.to, ...mail.cc] },
      raw: `${headers.join('')}\r\n${base64Lines(mail.text)}`,
    };
  }
}

const FIXED_HEADERS =
  'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n';

/** Base64 in lines of 76 characters (RFC 2045); the text's own line ends are kept, as nodemailer kept them. */
function base64Lines(text: string): string {
  const encoded = Buffer.from(text, 'utf8').toString('base64');
  let lines = '';
  for (let i = 0; i < encoded.length; i += 76) lines += `${encoded.slice(i, i + 76)}\r\n`;
  return lines;
}
