import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs (pino); one child per request carries its request id. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'maillage' },
    redact: { paths: ['req.headers.authorization', '*.token', '*.password'], censor: '[masqué]' },
  });
}
