import { ConsoleLogger, LogLevel } from '@nestjs/common';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Structured JSON logs, one object a line, from Nest's own ConsoleLogger: no extra
 * dependency, and nestjs-pino's current major needs a newer Node than we support.
 */
export function jsonLogger(level: LogLevel, appName: string): ConsoleLogger {
  return new ConsoleLogger(appName, { json: true, colors: false, logLevels: ORDER.slice(0, ORDER.indexOf(level) + 1) });
}
