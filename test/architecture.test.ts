// The walls between modules, checked from the source text alone (no database, no app):
// imports reach another module only through its index.ts, the lower layers import no module,
// a module names only the tables its README lists, writes only its own, and every job runs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SERVER = path.join(ROOT, 'src/server');
const MODULES_DIR = path.join(SERVER, 'modules');

const rel = (file: string) => path.relative(ROOT, file);
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => path.resolve(path.dirname(file), (m[1] ?? m[2]) as string));
}

/** The module a path lies in, or undefined outside src/server/modules. */
function moduleOf(file: string): string | undefined {
  const inside = path.relative(MODULES_DIR, file);
  return inside.startsWith('..') ? undefined : inside.split(path.sep)[0];
}

export const moduleNames = fs.readdirSync(MODULES_DIR).filter((n) => fs.statSync(path.join(MODULES_DIR, n)).isDirectory());

// ---- tables -----------------------------------------------------------------------------------

const TABLES = new Set(
  [...fs.readFileSync(path.join(SERVER, 'db/schema.ts'), 'utf8').matchAll(/^ {2}(\w+): \w+Table;$/gm)].map((m) => m[1] as string),
);
const READ_CALL = /\.(?:selectFrom|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*\[?([^)]*)/g;
const WRITE_CALL = /\.(?:insertInto|updateTable|deleteFrom|mergeInto)\(\s*['"](\w+)/g;
/** A table passed as a variable (`insertInto(table)`) escapes the scan below. */
const HIDDEN_TABLE =
  /\.(?:selectFrom|insertInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*(?![\s'"[(]|eb\b)/;
const RAW_READ = /\b(?:from|join)\s+(?:only\s+)?"?(\w+)"?/gi;
const RAW_WRITE = /\b(?:insert\s+into|update|delete\s+from)\s+"?(\w+)"?/gi;

/** Tables a file names, as reads and writes: Kysely calls and the SQL in sql`…` templates. */
export function tablesNamed(text: string): { reads: Set<string>; writes: Set<string> } {
  const reads = new Set<string>();
  const writes = new Set<string>();
  for (const m of text.matchAll(READ_CALL))
    for (const name of (m[1] as string).matchAll(/['"](\w+)(?:\s+as\s+\w+)?['"]/g)) reads.add(name[1] as string);
  for (const m of text.matchAll(WRITE_CALL)) writes.add(m[1] as string);
  for (const tpl of text.matchAll(/sql(?:<[^>]*>)?`([^`]*)`/g)) {
    for (const m of (tpl[1] as string).matchAll(RAW_READ)) reads.add(m[1] as string);
    for (const m of (tpl[1] as string).matchAll(RAW_WRITE)) writes.add(m[1] as string);
  }
  const known = (names: Set<string>) => new Set([...names].filter((n) => TABLES.has(n)));
  return { reads: known(reads), writes: known(writes) };
}

/** The tables a README lists under a heading: every `name` in backticks up to the next heading. */
function listedTables(readme: string, heading: string): Set<string> {
  const section = readme.split(/^## /m).find((s) => s.toLowerCase().startsWith(heading.toLowerCase()));
  return new Set([...(section ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1] as string).filter((n) => TABLES.has(n)));
}

const readmes = new Map(moduleNames.map((m) => [m, fs.readFileSync(path.join(MODULES_DIR, m, 'README.md'), 'utf8')]));
const owns = new Map(moduleNames.map((m) => [m, listedTables(readmes.get(m) as string, 'Owns')]));
const readsFrom = new Map(moduleNames.map((m) => [m, listedTables(readmes.get(m) as string, 'Reads from')]));

describe('module walls', () => {
  it('a module imports another module only through its index.ts', () => {
    const reaching: string[] = [];
    for (const m of moduleNames)
      for (const file of sourceFiles(path.join(MODULES_DIR, m)))
        for (const target of importsOf(file)) {
          const other = moduleOf(target);
          if (other && other !== m && target !== path.join(MODULES_DIR, other, 'index.ts')) reaching.push(`${rel(file)} → ${rel(target)}`);
        }
    expect(reaching).toEqual([]);
  });

  it('domain, db and platform import no module, and domain nothing of the server', () => {
    const upward: string[] = [];
    const lower = [path.join(ROOT, 'src/domain'), path.join(SERVER, 'db'), path.join(SERVER, 'platform')];
    for (const dir of lower)
      for (const file of sourceFiles(dir))
        for (const target of importsOf(file)) {
          const intoModules = moduleOf(target) !== undefined || target === path.join(SERVER, 'modules.ts');
          const domainIntoServer = dir.endsWith('domain') && target.startsWith(SERVER + path.sep);
          if (intoModules || domainIntoServer) upward.push(`${rel(file)} → ${rel(target)}`);
        }
    expect(upward).toEqual([]);
  });

  it('each table is owned by at most one module, and modules own none of the platform’s', () => {
    const owners = new Map<string, string[]>();
    for (const [m, tables] of owns) for (const t of tables) owners.set(t, [...(owners.get(t) ?? []), m]);
    expect([...owners].filter(([, ms]) => ms.length > 1)).toEqual([]);
    const platformTables = ['users', 'user_roles', 'sessions', 'login_attempts', 'audit_log', 'settings'];
    expect([...owners.keys()].filter((t) => platformTables.includes(t))).toEqual([]);
  });

  it('Kysely calls in modules and the demo name their table in the call, where this test can see it', () => {
    const hidden = [...moduleNames.map((m) => path.join(MODULES_DIR, m)), path.join(SERVER, 'demo')]
      .flatMap(sourceFiles)
      .filter((file) => HIDDEN_TABLE.test(fs.readFileSync(file, 'utf8')))
      .map(rel);
    expect(hidden).toEqual([]);
  });

  it('the demo composer names no table: it seeds through the modules’ index.ts and the platform', () => {
    const named = sourceFiles(path.join(SERVER, 'demo')).flatMap((file) => {
      const { reads, writes } = tablesNamed(fs.readFileSync(file, 'utf8'));
      return [...reads, ...writes].map((t) => `${rel(file)} names ${t}`);
    });
    expect(named).toEqual([]);
  });

  it.each(moduleNames)('%s names only the tables its README lists, and writes only its own', (m) => {
    const unlisted: string[] = [];
    const foreignWrites: string[] = [];
    const own = owns.get(m) as Set<string>;
    const allowed = new Set([...own, ...(readsFrom.get(m) as Set<string>)]);
    for (const file of sourceFiles(path.join(MODULES_DIR, m))) {
      const { reads, writes } = tablesNamed(fs.readFileSync(file, 'utf8'));
      for (const t of reads) if (!allowed.has(t) && !own.has(t)) unlisted.push(`${rel(file)} reads ${t}`);
      for (const t of writes) if (!own.has(t)) foreignWrites.push(`${rel(file)} writes ${t}`);
    }
    expect(unlisted).toEqual([]);
    expect(foreignWrites).toEqual([]);
  });
});

describe('modules and their jobs', () => {
  it('every module folder is in the one list of src/server/modules.ts', async () => {
    const { MODULES } = await import('../src/server/modules.ts');
    expect(MODULES.map((m) => m.name).sort()).toEqual([...moduleNames].sort());
  });

  it('jobs are declared only in a module’s manifest (index.ts) or the platform’s job lists, and main.ts starts them all', () => {
    const declaring = sourceFiles(SERVER)
      .filter((file) => /\beveryMs:(?!\s*number\b)/.test(fs.readFileSync(file, 'utf8')))
      .map(rel)
      .filter((file) => !/^src\/server\/modules\/\w+\/index\.ts$/.test(file) && !/^src\/server\/platform\/\w+\/jobs\.ts$/.test(file));
    expect(declaring).toEqual([]);
    const main = fs.readFileSync(path.join(SERVER, 'main.ts'), 'utf8');
    expect(main).toMatch(/startJobs\(serverJobs\(deps\)/);
  });

  it('the table scan sees reads, joins, writes and raw SQL', () => {
    const seen = tablesNamed(
      "db.selectFrom('children as c').innerJoin('enrolments as e', 'e.child_id', 'c.id'); trx.updateTable('vouchers'); sql`delete from sessions where id in (select id from users)`",
    );
    expect([...seen.reads].sort()).toEqual(['children', 'enrolments', 'sessions', 'users']);
    expect([...seen.writes].sort()).toEqual(['sessions', 'vouchers']);
    expect(HIDDEN_TABLE.test('await trx.insertInto(table).values(rows)')).toBe(true);
    expect(HIDDEN_TABLE.test("await trx.insertInto('children').values(rows)")).toBe(false);
  });
});
