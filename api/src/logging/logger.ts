// Logs are JSON lines written by pino: time, level, scope, message, the request id while a request is served,
// and errors with their stack and cause chain. Debug and info go to stdout, warn and error to stderr, written
// synchronously so the last lines before a crash are not lost.
// The level comes from config (WANSHI_LOG_LEVEL) through setLogLevel in the main thread; it also goes into the
// thread environment data, so worker threads started afterwards log at the same level.
import { getEnvironmentData, isMainThread, setEnvironmentData, threadId } from 'node:worker_threads';
import pino from 'pino';
import { currentRequestId } from './request-context';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const LEVEL_KEY = 'wanshi:logLevel';

function inheritedLevel(): LogLevel {
  const level = getEnvironmentData(LEVEL_KEY);
  return LOG_LEVELS.find((known) => known === level) ?? 'info';
}

const root = pino(
  {
    level: inheritedLevel(),
    base: isMainThread ? { pid: process.pid } : { pid: process.pid, thread: threadId },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: pino.stdSerializers.errWithCause },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId === undefined ? {} : { requestId };
    },
  },
  pino.multistream(
    [
      { level: 'debug', stream: pino.destination({ dest: 1, sync: true }) },
      { level: 'warn', stream: pino.destination({ dest: 2, sync: true }) },
    ],
    { dedupe: true }, // each line to the one stream of the highest level it reaches
  ),
);

export function setLogLevel(level: LogLevel): void {
  root.level = level;
  setEnvironmentData(LEVEL_KEY, level);
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

/** A logger whose lines name `scope`. Not a pino child: a child would keep the level it was created with. */
export function createLogger(scope: string): Logger {
  const fields = (error: unknown) => (error === undefined ? { scope } : { scope, err: error });
  return {
    debug: (message) => root.debug({ scope }, message),
    info: (message) => root.info({ scope }, message),
    warn: (message, error) => root.warn(fields(error), message),
    error: (message, error) => root.error(fields(error), message),
  };
}
