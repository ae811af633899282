import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyStore } from '@pdca/audit';
import { ERASED_MARK } from '@pdca/event-store';
import { openEventStore, validateEnvironment } from '@pdca/platform';
import { eraseCommand } from '../../apps/cli/src/personal-data/erase.command';

const NAME = '大正次郎';
const STREAM = 'evaluation-taisho-2022-project-T1';

describe('pdca erase', () => {
  let dir: string;
  const saved = { ...process.env };
  const environment = () =>
    validateEnvironment({ DATA_DIR: dir, JWT_SECRET: 's'.repeat(40), LOG_LEVEL: 'error' }, 'cli');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pdca-erase-'));
    Object.assign(process.env, { DATA_DIR: dir, JWT_SECRET: 's'.repeat(40), LOG_LEVEL: 'error' });
    const store = openEventStore(environment());
    const metadata = {
      actor: 'staff',
      role: 'section_staff',
      wardId: 'taisho',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      recordedAt: '2023-05-01T00:00:00.000Z',
    };
    const item = { wardId: 'taisho', fiscalYear: 2022, kind: 'project', itemId: 'T1' };
    await store.append(
      STREAM,
      [
        {
          id: randomUUID(),
          type: 'SubmissionReturned',
          data: { item, comments: `${NAME}氏の氏名は消してください` },
          metadata,
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    await store.close();
    writeFileSync(join(dir, 'projections.snapshot'), `models that still read ${NAME}`);
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await eraseCommand(args, (line) => lines.push(line));
    return { code, text: lines.join('\n') };
  };
  const comments = async () => {
    const store = openEventStore(environment());
    try {
      const [event] = await store.readStream(STREAM);
      return { comments: (event.data as { comments: string }).comments, verified: (await verifyStore(store)).intact };
    } finally {
      await store.close();
    }
  };

  it('given a dry run, then it shows the text and erases nothing', async () => {
    expect(await run('--ward', 'taisho', '--contains', NAME, '--reason', '削除請求', '--dry-run')).toEqual({
      code: 0,
      text: expect.stringContaining(`comments (${STREAM}`),
    });
    expect(await comments()).toEqual({ comments: `${NAME}氏の氏名は消してください`, verified: true });
  });

  it('given a name, then its texts read as the mark, the history verifies and the snapshot is gone', async () => {
    expect(await run('--ward', 'taisho', '--contains', NAME, '--reason', '削除請求')).toEqual({
      code: 0,
      text: expect.stringMatching(/^erased 1 texts/),
    });
    expect(await comments()).toEqual({ comments: ERASED_MARK, verified: true });
    expect(existsSync(join(dir, 'projections.snapshot'))).toBe(false);
    expect((await run('--ward', 'taisho', '--contains', NAME, '--reason', '削除請求')).code).toBe(1);
  });

  it('given no text to look for, then it prints its usage', async () => {
    await expect(run('--ward', 'taisho', '--reason', '削除請求')).rejects.toThrow(/pdca erase --ward/);
  });
});
