// First: a Node too old for the SQLite driver stops here with a reason (see the module).
import '@pdca/platform/runtime/require-supported-node';
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { hashPassword } from '../../api/src/auth/password-hasher';
import { loadEnvironmentOrExit, openEventStore } from '@pdca/platform';
import { verifyCommand } from './verify.command';
import { CHECKPOINT_VERIFY_OPTIONS, checkpointVerifyCommand } from './checkpoint-verify.command';
import { backupCommand } from './backup/backup.command';
import { restoreCommand } from './backup/restore.command';
import { migrateCommand } from './migrate/migrate.command';
import { ERASE_USAGE, eraseCommand } from './personal-data/erase.command';
import { WITNESS_USAGE, witnessCommand } from './witness.command';

const USAGE = `usage:
  pdca verify [--ward <wardId>] [--json] [--against <file-or-url>]... [--key <verifier-key>]... [--log-key <key-or-file>]...
                                           check every hash chain, published chain head, the log chain and every kept
                                           or witnessed checkpoint; names what it finds (exit 0 intact, 1 altered);
                                           --log-key: a witness's pinned keys, the only ones trusted (others named key-not-pinned)
  pdca checkpoint-verify <checkpoint-file> --key <key-or-file> [--origin <log>]
       [--older <checkpoint-file> --consistency <proof.json>] [--inclusion <proof.json> [--event <event.json>]]
                                           check a signed checkpoint and proofs with only the public key (exit 0 valid, 1 not)
  pdca backup <file-or-folder>             consistent copy of the running store + <file>.manifest.json (exit 0 written)
  pdca restore <backup-file> [--force]     check, verify and put a backup in place (exit 0 restored, 1 backup not intact, 3 refused: store in use or not empty)
  pdca migrate --to <esdb://…> [--ward <wardId>] [--json]
                                           copy the log (or a ward's streams) into EventStoreDB in order, rerunnable,
                                           then verify the copy against the source (exit 0 verified, 1 not)
  pdca migrate --from <esdb://…> --to sqlite:<events.db-or-folder> [--ward <wardId>] [--json]
                                           the way back: copy EventStoreDB's log into an SQLite store (only what it lacks), then verify
  pdca hash-password                       read a password on stdin, print its scrypt hash for the users file
  pdca demo-ward                           load the demo ward into an empty store (skipped when DEMO_WARD=false)
${ERASE_USAGE}
${WITNESS_USAGE}`;

async function main(): Promise<number> {
  // Its own options (a search text, a reason): parsed by the command, so the shared option list stays as it is.
  if (process.argv[2] === 'erase')
    return eraseCommand(process.argv.slice(3), (line) => process.stdout.write(`${line}\n`));
  if (process.argv[2] === 'witness')
    return witnessCommand(process.argv.slice(3), (line) => process.stdout.write(`${line}\n`));
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      ward: { type: 'string' },
      json: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      to: { type: 'string' },
      from: { type: 'string' },
      ...CHECKPOINT_VERIFY_OPTIONS,
      against: { type: 'string', multiple: true },
      'log-key': { type: 'string', multiple: true },
    },
  });
  const write = (line: string) => process.stdout.write(`${line}\n`);
  switch (positionals[0]) {
    case 'verify': {
      const environment = loadEnvironmentOrExit('cli');
      const store = openEventStore(environment);
      try {
        return await verifyCommand(
          store,
          {
            ward: values.ward,
            json: values.json ?? false,
            against: values.against,
            key: values.key,
            logKey: values['log-key'],
          },
          write,
          { environment },
        );
      } finally {
        await store.close();
      }
    }
    case 'checkpoint-verify':
      return checkpointVerifyCommand({ ...values, checkpoint: positionals[1], json: values.json ?? false }, write);
    case 'backup':
      return backupCommand(loadEnvironmentOrExit('cli'), positionals[1], write);
    case 'restore':
      return restoreCommand(loadEnvironmentOrExit('cli'), positionals[1], values.force ?? false, write, (line) =>
        process.stderr.write(`${line}\n`),
      );
    case 'migrate':
      return migrateCommand(
        loadEnvironmentOrExit('cli'),
        { to: values.to, from: values.from, ward: values.ward, json: values.json ?? false },
        write,
        (line) => process.stderr.write(`${line}\n`),
      );
    case 'demo-ward': {
      // Loaded only for this command: the whole domain costs a second of CPU at every other command's start (a backup's included).
      const { demoWardCommand } = await import('./demo/demo-ward.command');
      return demoWardCommand(loadEnvironmentOrExit('cli'), write);
    }
    case 'hash-password': {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      write(
        await hashPassword(
          Buffer.concat(chunks)
            .toString('utf8')
            .replace(/\r?\n$/, ''),
        ),
      );
      return 0;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  },
);
