import fs from 'node:fs';
import path from 'node:path';
import { redact, redactText } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** Resolves once every line written so far is in the file (the stream writes in the background). */
  flush(): Promise<void>;
}

export interface LoggerOptions {
  /** A JSON-lines file; the folder is created. Omit to log to stderr only. */
  file?: string;
  level?: LogLevel;
  /** Also echo to stderr (development, browser mode). */
  stderr?: boolean;
}

/** JSON lines, every field passed through the redactor first. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = ORDER[options.level ?? 'info'];
  let stream: fs.WriteStream | undefined;
  if (options.file) {
    fs.mkdirSync(path.dirname(options.file), { recursive: true });
    stream = fs.createWriteStream(options.file, { flags: 'a', mode: 0o600 });
    stream.on('error', () => {
      // A full disk must not take the app down with it: logging is best effort.
      stream = undefined;
    });
  }
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < threshold) return;
    const line = JSON.stringify({
      at: new Date().toISOString(),
      level,
      message: redactText(message),
      ...(fields ? (redact(fields) as object) : {}),
    });
    stream?.write(line + '\n');
    if (options.stderr) process.stderr.write(line + '\n');
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    flush: () =>
      new Promise<void>((resolve) => {
        // A stream calls back in write order, so an empty write's callback means all before it landed.
        if (!stream || stream.destroyed) resolve();
        else stream.write('', () => resolve());
      }),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, flush: () => Promise.resolve() };
