import { pino, type Logger } from 'pino';

/** One structured logger for the process; modules take a child with their own name. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'partner-access' }, redact: ['req.headers.authorization', '*.authorization'] }, destination);
}
