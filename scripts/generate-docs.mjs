#!/usr/bin/env node
// Writes docs/checks.md from the built catalogue (run through `npm run gen:docs`, which builds first).
import { writeFileSync } from 'node:fs';
import { allChecks } from '../dist/checks/index.js';
import { frameworks } from '../dist/model/frameworks/index.js';
import { renderCheckCatalogue } from '../dist/docs/check-catalogue.js';

writeFileSync(new URL('../docs/checks.md', import.meta.url), renderCheckCatalogue(allChecks, frameworks));
console.log(`docs/checks.md: ${allChecks.length} checks`);
