/**
 * How a send job that ended failed is logged. A delivery failure (the mail server refused, the
 * network) is an error for the operator; a section with no e-mail address in the catalogue is the
 * planning office's to fix (the ledger shows it as failed), so it is a warning, not an alert.
 */
export function finalFailureLog(failed: ReadonlyArray<{ noAddress?: true }>): {
  level: 'error' | 'warn';
  msg: string;
} {
  return failed.every((f) => f.noAddress)
    ? { level: 'warn', msg: 'reminders not sent: sections without an e-mail address in the catalogue' }
    : { level: 'error', msg: 'reminders failed for good' };
}
