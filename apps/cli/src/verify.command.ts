import { verifyStore, VerificationReport } from '@pdca/audit';
import type { EventStore } from '@pdca/event-store';

/** Prints "intact" or the first altered, removed or reordered event; the exit code says which. */
export async function verifyCommand(store: EventStore, options: { ward?: string; json: boolean }, out: (line: string) => void): Promise<number> {
  const filter = options.ward ? (stream: string) => new RegExp(`^[a-z]+-${options.ward}(?:-|$)`).test(stream) : undefined;
  const report = await verifyStore(store, filter);
  if (options.json) out(JSON.stringify(report, null, 2));
  else out(describe(report));
  return report.intact ? 0 : 1;
}

function describe(report: VerificationReport): string {
  const scope = `${report.streams} streams, ${report.events} events, ${report.anchorsChecked} published chain heads`;
  if (report.intact) return `intact — 改ざんは検出されませんでした (${scope})`;
  const first = report.firstBreak!;
  return [
    `NOT intact — 改ざんを検出しました (${scope})`,
    `first: ${first.problem} at ${first.stream} revision ${first.revision}${first.eventId ? ` (event ${first.eventId}, position ${first.position})` : ''}`,
    `       ${first.detail}`,
    ...(report.breaks.length > 1 ? [`and ${report.breaks.length - 1} more stream(s) broken`] : []),
  ].join('\n');
}
