import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { validateEnvironment } from '@pdca/platform';
import { createApiApp } from '../../apps/api/src/bootstrap';

const start = async (dir: string, env: Record<string, string> = {}) => {
  const app = await createApiApp(
    validateEnvironment({ DATA_DIR: dir, JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'fatal', ...env }),
  );
  await app.init();
  return app;
};
const ready = (app: INestApplication) => request(app.getHttpServer()).get('/health/ready');

/**
 * Readiness must not say "up" while the store cannot write. Any machine: a free-space minimum set
 * above the free space takes the same path as a full disk (statfs). As root, a real full tmpfs too.
 */
describe('readiness and a full disk', () => {
  it('reports the store as unable to write when free space is below STORE_MIN_FREE_MB, and up with room', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdca-disk-'));
    const full = await start(dir, { STORE_MIN_FREE_MB: '1000000000' });
    try {
      const response = await ready(full);
      expect(response.status).toBe(503);
      expect(response.body.details.eventStore).toMatchObject({
        status: 'down',
        writable: false,
        head: expect.any(Number),
        minFreeBytes: 1000000000 * 1_048_576,
      });
    } finally {
      await full.close();
    }
    const roomy = await start(dir, { STORE_MIN_FREE_MB: '0' });
    try {
      const response = await ready(roomy).expect(200);
      expect(response.body.details.eventStore).toMatchObject({ status: 'up', writable: true });
    } finally {
      await roomy.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const canMount =
    process.getuid?.() === 0 &&
    (() => {
      const probe = mkdtempSync(join(tmpdir(), 'pdca-mount-'));
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
        execFileSync('umount', [probe], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      } finally {
        rmSync(probe, { recursive: true, force: true });
      }
    })();
  if (!canMount)
    console.warn('readiness-disk: the real full-disk case needs root and tmpfs mounts; only the threshold case ran');

  (canMount ? it : it.skip)(
    'on a really full file system (tmpfs), reports writable: false, and up again once space is freed',
    async () => {
      const mountPoint = mkdtempSync(join(tmpdir(), 'pdca-full-'));
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mountPoint]);
      const dir = join(mountPoint, 'data');
      mkdirSync(dir);
      const app = await start(dir, { STORE_MIN_FREE_MB: '0' });
      try {
        await ready(app).expect(200);
        const filler = join(mountPoint, 'filler');
        try {
          writeFileSync(filler, Buffer.alloc(32 * 1_048_576));
        } catch {
          // ENOSPC once the file system is full: exactly what we wanted
        }
        const response = await ready(app);
        expect(response.status).toBe(503);
        expect(response.body.details.eventStore).toMatchObject({ status: 'down', writable: false });
        rmSync(filler);
        await ready(app).expect(200);
      } finally {
        await app.close();
        execFileSync('umount', ['-l', mountPoint]);
        rmSync(mountPoint, { recursive: true, force: true });
      }
    },
  );
});
