import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { validateEnvironment } from '@pdca/platform';
import { createApiApp } from '../../apps/api/src/bootstrap';

describe('health endpoints', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdca-health-'));
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApiApp(validateEnvironment({ DATA_DIR: dir, JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'error' }));
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers liveness without consulting anything', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
  });

  it('reports readiness with the event store and Redis', async () => {
    // The indicator's first connection may take over its 1 s wait on a loaded machine: readiness
    // stays 200 meanwhile (Redis is reported, not required) and reports it reachable once connected.
    let response = await request(app.getHttpServer()).get('/health/ready').expect(200);
    for (let attempt = 0; attempt < 20 && response.body.details.redis.reachable !== true; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      response = await request(app.getHttpServer()).get('/health/ready').expect(200);
    }
    expect(response.body.details.eventStore.status).toBe('up');
    expect(response.body.details.redis).toMatchObject({ status: 'up', reachable: true });
  });
});
