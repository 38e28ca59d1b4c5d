#!/usr/bin/env node
import { isSdkNodeVersionWarning, main } from '../dist/cli/main.js';

// The AWS SDK's multi-line warning about the Node.js its future releases need would land in the middle of the
// progress display on every `--aws` run; demarc supports Node.js 20.19 and newer. Drop that one warning, by its name;
// every other warning goes through unchanged.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  if (isSdkNodeVersionWarning(warning, rest[0])) return;
  emitWarning(warning, ...rest);
};

process.exitCode = await main(process.argv);
