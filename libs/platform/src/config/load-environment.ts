import { existsSync } from 'node:fs';
import { AppName, ConfigurationError, Environment, validateEnvironment } from './environment';

/**
 * Reads .env (when present, without overriding real variables) and validates. On a bad
 * configuration it prints what is wrong — no stack trace — and exits non-zero.
 */
export function loadEnvironmentOrExit(app: AppName, envFile = '.env'): Environment {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  try {
    return validateEnvironment(process.env, app);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\nSee README.md, section "Configuration".\n`);
    process.exit(78); // EX_CONFIG
  }
}
