import { simpleParser } from 'mailparser';
import { RawMessageBuilder } from './raw-message';

const mail = {
  to: ['kouen@city.example.jp'],
  cc: ['head@city.example.jp', 'kikaku@city.example.jp'],
  subject: '【督促・エスカレーション】令和4年度 実績報告が未提出です（公園緑地課、3件、期限 令和5年5月31日）',
  text: '公園緑地課 御中\n\n・P05-001 公園の新設・拡張\n'.repeat(20),
  messageId: '<0123abcd.reminder@city.example.jp>',
};

describe('a reminder built as raw RFC 5322 text', () => {
  const built = new RawMessageBuilder('練馬区 企画課 <pdca-noreply@city.example.jp>').build(
    mail,
    new Date('2023-06-05T00:00:00Z'),
  );

  it('reads back in a mail parser as the same sender, recipients, subject, text and Message-ID', async () => {
    const parsed = await simpleParser(built.raw);
    expect(parsed.from?.value).toEqual([{ name: '練馬区 企画課', address: 'pdca-noreply@city.example.jp' }]);
    expect(parsed.to).toMatchObject({ value: [{ address: 'kouen@city.example.jp' }] });
    expect(parsed.cc).toMatchObject({
      value: [{ address: 'head@city.example.jp' }, { address: 'kikaku@city.example.jp' }],
    });
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.text).toBe(mail.text);
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.date?.toISOString()).toBe('2023-06-05T00:00:00.000Z');
  });

  it('goes to the section and every copy, from the bare sender address, in lines of at most 78 characters', () => {
    expect(built.envelope).toEqual({
      from: 'pdca-noreply@city.example.jp',
      to: ['kouen@city.example.jp', 'head@city.example.jp', 'kikaku@city.example.jp'],
    });
    expect(built.raw.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    expect(built.raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});
