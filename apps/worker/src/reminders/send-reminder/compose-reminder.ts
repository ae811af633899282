import { createHash } from 'node:crypto';
import type { SectionData } from '@pdca/catalogue';
import type { ItemView } from '@pdca/projections';
import { inboxUrlOf, MissingItem, renderReminderMessage, ReminderOccasion } from '@pdca/reminders';
import type { OutgoingMail } from '../mail/reminder-mailer.service';

export interface ReminderLetter {
  mail: OutgoingMail;
  /** Every envelope recipient, the section first: what the ledger records. */
  recipients: string[];
  missing: MissingItem[];
}

export interface LetterInput {
  reminderId: string;
  occasion: ReminderOccasion;
  deadline: string;
  section: SectionData | undefined;
  sectionId: string;
  items: Pick<ItemView, 'kind' | 'itemId' | 'name' | 'status'>[];
  publicBaseUrl: string;
  planningOfficeEmail?: string;
  /** The planning office's words on a one-off reminder. */
  note?: string;
  mailDomain: string;
}

/** The section's address; escalations copy its head and the planning office (each address once). */
export function recipientsOf(section: SectionData | undefined, escalated: boolean, planningOfficeEmail?: string) {
  const to = section?.email ? [section.email] : [];
  const cc: string[] = [];
  const copiedTo: ('head' | 'planning_office')[] = [];
  const copies = escalated
    ? ([
        ['head', section?.headEmail],
        ['planning_office', planningOfficeEmail],
      ] as const)
    : [];
  for (const [who, address] of copies) {
    if (!address || to.includes(address) || cc.includes(address)) continue;
    cc.push(address);
    copiedTo.push(who);
  }
  return { to, cc, copiedTo };
}

/** Recipients and text of one section's reminder; undefined when the section has no address to write to. */
export function composeReminder(input: LetterInput): ReminderLetter | undefined {
  const { section, occasion } = input;
  const { to, cc, copiedTo } = recipientsOf(section, occasion.escalated, input.planningOfficeEmail);
  if (!section || to.length === 0) return undefined;
  const missing = input.items.map(({ kind, itemId, name }) => ({ kind, itemId, name }));
  const { subject, text } = renderReminderMessage({
    occasion,
    reminderId: input.reminderId,
    fiscalYear: occasion.fiscalYear,
    deadline: input.deadline,
    section: { department: section.department, name: section.name },
    missing: input.items.map(({ kind, itemId, name, status }) => ({
      kind,
      itemId,
      name,
      returned: status === 'returned',
    })),
    inboxUrl: inboxUrlOf(input.publicBaseUrl, occasion.fiscalYear),
    copiedTo,
    note: input.note,
  });
  const messageId = `<${createHash('sha256').update(input.reminderId).digest('hex').slice(0, 32)}.reminder@${input.mailDomain}>`;
  return { mail: { to, cc, subject, text, messageId }, recipients: [...to, ...cc], missing };
}
