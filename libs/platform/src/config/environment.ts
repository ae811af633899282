import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MinLength,
  validateSync,
} from 'class-validator';
import { IntegerSetting } from './integer-setting';
import { signingKeyFileProblem } from './signing-key-file';
import { trustProxyProblem } from './trust-proxy';

const JWT_SECRET_RULE = 'JWT_SECRET must be at least 32 characters (run `npm run setup` to generate one)';
export const DEFAULT_WEB_DIST_DIR = 'dist/apps/web';
const emptyAsUnset = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every setting the apps read, validated once at start. Defaults are the embedded,
 * single-machine set-up; production overrides them through the environment.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IntegerSetting(0, 65535)
  PORT = 3000;

  /**
   * API processes serving PORT on this host (node:cluster, all on the one store; README "Several API
   * processes"): the event loop is what limits one process, so a second core needs a second process.
   */
  @IntegerSetting(1, 64)
  API_PROCESSES = 1;

  /** The worker's own port, for its health endpoints only. */
  @IntegerSetting(0, 65535)
  WORKER_PORT = 3001;

  @IsString()
  HOST = '0.0.0.0';

  /** The API's Prometheus /metrics listener, apart from PORT (see README "Metrics"); 0 turns it off. */
  @IntegerSetting(0, 65535)
  METRICS_PORT = 9464;

  /** The worker's /metrics listener; its own variable, as WORKER_PORT, since both apps usually read one .env. */
  @IntegerSetting(0, 65535)
  WORKER_METRICS_PORT = 9465;

  /** Loopback by default: metrics are for the operators' Prometheus, not the public (0.0.0.0 in a container on an internal network). */
  @IsString()
  @MinLength(1)
  METRICS_HOST = '127.0.0.1';

  /** The API reports not-ready while its read models are more than this many events behind the store; 0: no bound. */
  @IntegerSetting(0, 1_000_000_000)
  READY_MAX_PROJECTION_LAG = 10_000;

  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  /** Readiness reports the embedded store as unable to write below this much free space on DATA_DIR (MB). */
  @IntegerSetting(0, 1_000_000_000)
  STORE_MIN_FREE_MB = 64;

  /** esdb://… selects EventStoreDB; unset or empty keeps the embedded SQLite store in DATA_DIR. */
  @Transform(emptyAsUnset)
  @IsOptional()
  @Matches(/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\/\S+$/, {
    message: 'EVENTSTORE_URL must be an esdb:// connection string, e.g. esdb://localhost:2113?tls=false',
  })
  EVENTSTORE_URL?: string;

  @IsUrl(
    { protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true },
    {
      message: 'REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379',
    },
  )
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** BullMQ queue (and Redis key namespace) of the reminder jobs; tests give every run its own. */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, {
    message: 'REMINDER_QUEUE must be 1-64 letters, digits, "_" or "-" (BullMQ forbids ":")',
  })
  REMINDER_QUEUE = 'reminders';

  /** Outgoing mail for reminders; the default is the mail sink of docker compose (Mailpit). */
  @IsUrl(
    { protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true },
    {
      message:
        'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://127.0.0.1:1025 or smtps://user:password@mail.example.jp:465',
    },
  )
  SMTP_URL = 'smtp://127.0.0.1:1025';

  /** Sender of reminders, optionally with a display name. */
  @Matches(/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, {
    message: 'MAIL_FROM must be an address, optionally with a name: "企画課 <kikaku@city.example.jp>"',
  })
  MAIL_FROM = 'PDCA進捗管理 <no-reply@localhost>';

  /** SMTP connections the worker keeps open and reuses (a pool); keep it under the relay's per-client limit. */
  @IntegerSetting(1, 100)
  SMTP_MAX_CONNECTIONS = 8;

  /** Messages sent over one pooled connection before it is closed and replaced (servers cap this per session). */
  @IntegerSetting(1, 100_000)
  SMTP_MAX_MESSAGES_PER_CONNECTION = 1_000;

  /** Reminder jobs one worker process runs at once: enough to keep every pooled SMTP connection busy. */
  @IntegerSetting(1, 1_000)
  REMINDER_CONCURRENCY = 16;

  /** Escalated reminders also go here (the planning office's shared mailbox); empty: section and head only. */
  @Transform(emptyAsUnset)
  @IsOptional()
  @IsEmail({ require_tld: false }, { message: 'PLANNING_OFFICE_EMAIL must be an e-mail address' })
  PLANNING_OFFICE_EMAIL?: string;

  /** Where people open the service; links in reminders point here. */
  @IsUrl(
    { protocols: ['http', 'https'], require_tld: false, require_protocol: true },
    {
      message: 'PUBLIC_BASE_URL must be an http:// or https:// URL, e.g. https://pdca.city.example.jp',
    },
  )
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Required by the API (see validateEnvironment's `app`); the worker and the CLI do not sign tokens. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: JWT_SECRET_RULE })
  JWT_SECRET?: string;

  @IsString()
  JWT_ISSUER = 'pdca-review';

  @IsString()
  JWT_AUDIENCE = 'pdca-review-api';

  @IntegerSetting(60, 86_400)
  JWT_TTL_SECONDS = 3_600;

  @IsOptional()
  @IsString()
  USERS_FILE?: string;

  /** Reverse proxies whose X-Forwarded-For names the client (sign-in throttling per address); empty: none. */
  @Transform(emptyAsUnset)
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  @IntegerSetting(1, 600_000)
  SHUTDOWN_GRACE_MS = 10_000;

  /** The built web app (index.html, assets/) the API serves on the same origin; relative paths from the working directory. */
  @IsString()
  @MinLength(1)
  WEB_DIST_DIR = DEFAULT_WEB_DIST_DIR;

  /**
   * PEM Ed25519 private key that signs the transparency log's checkpoints; kept out of DATA_DIR's
   * store so database access alone cannot forge one. Optional for now: unset, the public checkpoint
   * endpoints answer 503 and the API logs a warning (existing deployments, benches and tests start
   * unchanged); a later step of issue 13 makes it required in production.
   */
  @Transform(emptyAsUnset)
  @IsOptional()
  @IsString()
  TRANSPARENCY_SIGNING_KEY_FILE?: string;

  /**
   * How often the API signs a checkpoint of the log when it has grown (it also signs at start, at
   * every publication and correction). 0: only then. Witnesses copy them from the public feed.
   */
  @IntegerSetting(0, 86_400)
  TRANSPARENCY_CHECKPOINT_INTERVAL_SECONDS = 600;

  /** `npm run setup` loads the demo ward into an empty store unless this is false (production). */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'DEMO_WARD must be true or false' })
  DEMO_WARD = true;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

export type AppName = 'api' | 'worker' | 'cli';

/** Validates raw variables for one app; throws a ConfigurationError that names every wrong variable. */
export function validateEnvironment(raw: Record<string, unknown>, app: AppName = 'api'): Environment {
  const environment = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const problems = validateSync(environment, { skipMissingProperties: false }).map((error) => {
    const given = error.value === undefined ? 'missing' : `got ${JSON.stringify(redact(error.property, error.value))}`;
    return `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')} (${given})`;
  });
  if (app === 'api' && !environment.JWT_SECRET) problems.push(`JWT_SECRET: ${JWT_SECRET_RULE} (missing)`);
  if (app === 'api' && environment.METRICS_PORT !== 0 && environment.METRICS_PORT === environment.PORT)
    problems.push(
      `METRICS_PORT: must differ from PORT, metrics have their own listener (got ${environment.METRICS_PORT})`,
    );
  if (
    app === 'worker' &&
    environment.WORKER_METRICS_PORT !== 0 &&
    environment.WORKER_METRICS_PORT === environment.WORKER_PORT
  )
    problems.push(
      `WORKER_METRICS_PORT: must differ from WORKER_PORT, metrics have their own listener (got ${environment.WORKER_METRICS_PORT})`,
    );
  const trustProxy = environment.TRUST_PROXY === undefined ? undefined : trustProxyProblem(environment.TRUST_PROXY);
  if (trustProxy) problems.push(`TRUST_PROXY: ${trustProxy}`);
  // The default build folder may be missing (the API then explains how to build it); a folder named on purpose must exist.
  if (app === 'api' && raw.WEB_DIST_DIR && !existsSync(join(environment.WEB_DIST_DIR, 'index.html'))) {
    problems.push(
      `WEB_DIST_DIR: must be a built web app folder holding index.html (run \`npm run build:web\`) (got ${JSON.stringify(environment.WEB_DIST_DIR)})`,
    );
  }
  if (environment.TRANSPARENCY_SIGNING_KEY_FILE) {
    const keyProblem = signingKeyFileProblem(environment.TRANSPARENCY_SIGNING_KEY_FILE);
    if (keyProblem) problems.push(`TRANSPARENCY_SIGNING_KEY_FILE: ${keyProblem}`);
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return environment;
}

function redact(property: string, value: unknown): unknown {
  return /SECRET|PASSWORD|SMTP_URL/.test(property) ? '***' : value; // an SMTP URL may carry a password
}
