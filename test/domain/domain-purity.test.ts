import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const FORBIDDEN =
  /from\s+['"](botbuilder[^'"]*|restify[^'"]*|keyv|@keyv\/[^'"]*|adaptivecards[^'"]*|pino[^'"]*|node:fs[^'"]*|fs|(?:\.\.\/)+(?:bot|dialogs|cards)\/[^'"]*)['"]/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the domain stays pure', () => {
  it('imports no framework, no file system, and nothing from bot/, dialogs/ or cards/', () => {
    const offenders = files(join(ROOT, 'domain'))
      .filter((f) => FORBIDDEN.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('never reads the wall clock inside the rules', () => {
    const offenders = files(join(ROOT, 'domain'))
      .filter((f) => /Date\.now\(\)|new Date\(\)/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
