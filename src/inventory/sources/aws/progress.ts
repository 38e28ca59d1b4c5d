import { shortMessage } from './errors.js';
import type { ScanEvent } from './scan.js';
import type { CallStats } from './session.js';

export interface ProgressOptions {
  write(text: string): void;
  /** A terminal: one line redrawn in place; otherwise one plain line per event worth logging. */
  tty: boolean;
  stats: () => CallStats;
}

/** Turns scan events into a progress display on stderr. */
export function progressReporter(options: ProgressOptions): { onEvent(event: ScanEvent): void; done(): void } {
  const accounts = new Set<string>();
  const regions = new Set<string>();
  let collected = 0;
  let lastDraw = 0;
  const line = (): string => {
    const stats = options.stats();
    return `demarc: ${accounts.size} account(s), ${regions.size} region(s), ${collected} service collections, ${stats.calls} calls, ${stats.retries} retries`;
  };
  return {
    onEvent(event) {
      if (event.kind === 'identity') {
        options.write(`${options.tty ? '\r\x1b[K' : ''}demarc: scanning as ${event.principal} (account ${event.account})\n`);
        return;
      }
      if (event.kind === 'account') {
        accounts.add(event.account);
        for (const region of event.regions) regions.add(region);
        if (!options.tty) options.write(`demarc: account ${event.account}${event.principal ? ` as ${event.principal}` : ''}: ${event.regions.join(', ')} (${event.collectors} collectors)\n`);
        return;
      }
      if (event.kind === 'account-failed') {
        options.write(`${options.tty ? '\r\x1b[K' : ''}demarc: account ${event.account} not scanned: ${shortMessage(event.reason, 240)}\n`);
        return;
      }
      collected += 1;
      if (options.tty) {
        const now = Date.now();
        if (now - lastDraw > 100) {
          lastDraw = now;
          options.write(`\r\x1b[K${line()}`);
        }
      } else {
        options.write(`demarc: ${event.account} ${event.region} ${event.service}: ${event.resources} resources${event.gaps > 0 ? `, ${event.gaps} gaps` : ''}\n`);
      }
    },
    done() {
      options.write(options.tty ? `\r\x1b[K${line()}\n` : `${line()}\n`);
    },
  };
}
