import { plain } from '../report/terminal-style.js';
import type { CliIo } from './io.js';

/**
 * "reading 120 files: infra/network/main.tf" redrawn in place on a terminal's stderr while files are read; nothing
 * when stderr is not a terminal (CI logs stay clean) or with --quiet.
 */
export function fileProgress(io: CliIo, quiet: boolean | undefined): { onFile(path: string): void; done(): void } {
  if (quiet || !io.stderrIsTty) return { onFile: () => undefined, done: () => undefined };
  let files = 0;
  let lastDraw = 0;
  return {
    onFile(path) {
      files += 1;
      const now = Date.now();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      const room = Math.max(10, io.columns - 30);
      const safe = plain(path);
      const shown = safe.length > room ? `…${safe.slice(safe.length - room + 1)}` : safe;
      io.stderr(`\r\u001b[Kdemarc: reading file ${files}: ${shown}`);
    },
    done() {
      if (lastDraw > 0) io.stderr('\r\u001b[K');
    },
  };
}
