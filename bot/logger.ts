import type { ILogger, LogLevel } from '@microsoft/teams.common';

/**
 * Logging that cannot leak children's data. The app logs events with ids and outcomes only, never names,
 * student identifiers or email bodies. The Teams SDK's own messages are reduced to their text parts (it may pass
 * whole activities as objects, which are dropped), and its debug output, which carries activity bodies, is
 * never enabled.
 */

const levels: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3, trace: 4 };

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface AppLogger {
  event(level: 'error' | 'warn' | 'info', name: string, fields?: LogFields): void;
  /** The logger handed to the Teams SDK. */
  sdk: ILogger;
}

export type LogSink = (line: string) => void;

const defaultSink: LogSink = (line) => process.stdout.write(`${line}\n`);

function sdkText(parts: readonly unknown[]): string {
  return parts
    .map((part) =>
      typeof part === 'string' ? part : part instanceof Error ? `${part.name}: ${part.message}` : '',
    )
    .filter((part) => part !== '')
    .join(' ')
    .replace(/[\r\n\t]+/g, ' ')
    .slice(0, 300);
}

export function createLogger(
  level: 'error' | 'warn' | 'info' | 'debug',
  sink: LogSink = defaultSink,
): AppLogger {
  const enabled = (wanted: LogLevel) => levels[wanted] <= Math.min(levels[level], levels.info);
  const write = (wanted: LogLevel, record: Record<string, unknown>) => {
    if (enabled(wanted)) sink(JSON.stringify({ time: new Date().toISOString(), level: wanted, ...record }));
  };
  const sdk = (name: string): ILogger => ({
    debug: () => undefined,
    trace: () => undefined,
    info: (...parts) => write('info', { source: name, message: sdkText(parts) }),
    warn: (...parts) => write('warn', { source: name, message: sdkText(parts) }),
    error: (...parts) => write('error', { source: name, message: sdkText(parts) }),
    log: (wanted, ...parts) => {
      if (wanted !== 'debug' && wanted !== 'trace') write(wanted, { source: name, message: sdkText(parts) });
    },
    child: (child) => sdk(`${name}/${child}`),
  });
  return {
    event: (wanted, name, fields = {}) => write(wanted, { event: name, ...fields }),
    sdk: sdk('teams'),
  };
}
