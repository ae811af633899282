import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * Fastify loads its plugins and routes when it is made ready, not when they are declared. Nest's
 * app.init() registers the routes but leaves that to listen(); this makes init() finish it, so an app
 * after init() serves requests (supertest on getHttpServer(), as the tests do) exactly as on Express.
 * A provider of the API's and the worker's root modules.
 */
@Injectable()
export class ServeAfterInit implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.adapterHost.httpAdapter?.getInstance<FastifyInstance>().ready();
  }
}
