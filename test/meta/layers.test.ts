import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');
const CLI = join(SRC, 'cli');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module a file names: static imports and exports (`from '...'`), side-effect imports and dynamic imports. */
function importsOf(text: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  return [...text.matchAll(pattern)].map((match) => match[1] ?? '');
}

const isWithin = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}${sep}`);

describe('layers', () => {
  it('finds the imports it is meant to find', () => {
    const text = "import { a } from '../cli/io.js';\nimport type { B } from \"./b.js\";\nexport * from './c.js';\nimport './d.js';\nconst e = await import('./e.js');\n";
    expect(importsOf(text)).toEqual(['../cli/io.js', './b.js', './c.js', './d.js', './e.js']);
  });

  it('no file under src/ outside src/cli imports from src/cli: the library never reaches into its shell', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      if (isWithin(file, CLI)) continue;
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('.')) continue;
        if (isWithin(resolve(dirname(file), specifier), CLI)) offenders.push(`${relative(SRC, file)} imports ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
