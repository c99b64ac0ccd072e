// One line per event, prefixed by scope; the level comes from config (WANSHI_LOG_LEVEL).
const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LEVELS)[number];

let threshold: LogLevel = 'info';

export function setLogLevel(level: LogLevel): void {
  threshold = level;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export function createLogger(scope: string): Logger {
  const write = (level: LogLevel, message: string, error?: unknown) => {
    if (LEVELS.indexOf(level) < LEVELS.indexOf(threshold)) return;
    const line = `${new Date().toISOString()} ${level.padEnd(5)} [${scope}] ${message}`;
    if (level === 'error' || level === 'warn') console.error(line, ...(error ? [error] : []));
    else console.log(line);
  };
  return {
    debug: (m) => write('debug', m),
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m, e) => write('error', m, e),
  };
}
