// Every audit action the server writes has words in the audit viewer, read from the source text
// like the architecture test: a new action without them would show the admin a bare code.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../src/domain/audit/actions.ts';

const SERVER = path.resolve(import.meta.dirname, '../src/server');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('audit actions in words', () => {
  it('names every action the server writes', () => {
    const written = new Set(
      sourceFiles(SERVER).flatMap((file) =>
        [...fs.readFileSync(file, 'utf8').matchAll(/\baction: '([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1] as string),
      ),
    );
    expect(written.size).toBeGreaterThan(50);
    expect([...written].filter((action) => !AUDIT_ACTIONS[action]).sort()).toEqual([]);
  });
});
