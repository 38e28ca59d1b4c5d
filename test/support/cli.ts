import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, as `demarc <args>` would, with a terminal that is not a TTY. */
export async function runCli(args: readonly string[], overrides: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    stdoutIsTty: false,
    stderrIsTty: false,
    columns: 120,
    env: {},
    cwd: process.cwd(),
    ...overrides,
  };
  const code = await main(['node', 'demarc', ...args], io);
  return { code, stdout, stderr };
}
