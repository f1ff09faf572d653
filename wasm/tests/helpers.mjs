// Shared paths for the JS suites.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures');

export function readJson(file) {
  return JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));
}

export function readFixture(file) {
  return readFileSync(path.join(FIXTURES, file), 'utf8');
}
