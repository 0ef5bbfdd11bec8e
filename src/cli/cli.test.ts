import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { squareOutline } from '../../test/harness/factories/geography.ts';
import { openPGlite } from '../server/db/connect.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-cli-'));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', TUOYU_ADMIN_PASSWORD: 'admin-pass-2026' },
    encoding: 'utf8',
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('command line', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('creates an admin, imports population and district outlines, and verifies the audit chain until a row is edited by hand', async () => {
    expect(cli('create-admin', '--phone', '13811112222', '--name', '管理员')).toMatchObject({
      code: 0,
      out: expect.stringContaining('administrator 13811112222 created'),
    });
    expect(cli('create-admin', '--phone', '13811112222', '--name', '管理员').code).toBe(1);

    const file = path.join(dataDir, 'population.csv');
    fs.writeFileSync(file, 'code,year,total,under3\n320706,2026,930000,20000\n999999,2026,1,1\n');
    const rejected = cli('import-population', file);
    expect(rejected.code).toBe(1);
    expect(rejected.out).toContain('line 3');
    fs.writeFileSync(file, 'code,year,total,under3\n320706,2026,930000,20000\n');
    expect(cli('import-population', file)).toMatchObject({ code: 0, out: expect.stringContaining('imported 1 rows') });

    // Synthetic squares, never real boundaries: those need a map approval number to publish.
    const outlines = path.join(dataDir, 'outlines.geojson');
    const write = (...features: unknown[]) => fs.writeFileSync(outlines, JSON.stringify({ type: 'FeatureCollection', features }));
    write(squareOutline('320706', { lat: 34.6, lng: 119.2 }), squareOutline('999999', { lat: 34.6, lng: 119.2 }));
    const refused = cli('import-outlines', outlines, '--city', '320700');
    expect(refused).toMatchObject({ code: 1, out: expect.stringContaining('第2个要素（999999）：区划代码“999999”不是本市现行的区县') });
    write(squareOutline('320706', { lat: 34.6, lng: 119.2 }));
    expect(cli('import-outlines', outlines, '--city', '320700', '--approval-number', 'GS(2099)0001号')).toMatchObject({
      code: 0,
      out: expect.stringContaining('imported the outlines of 1 districts: 320706'),
    });

    const intact = cli('verify-audit');
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/audit chain intact: [1-9]\d* entries verified; [1-9]\d* checkpoints checked; 0 entries not sealed yet/);
    const kept = path.join(dataDir, 'checkpoints.json');
    expect(cli('export-checkpoints', kept)).toMatchObject({ code: 0, out: expect.stringMatching(/[1-9]\d* checkpoints written/) });
    expect(cli('verify-audit', '--checkpoints', kept).code).toBe(0);

    // Later the log has grown; the auditor asks for a proof from the last head they kept.
    expect(cli('create-admin', '--phone', '13811113333', '--name', '审计后管理员').code).toBe(0);
    const keptSize = String(JSON.parse(fs.readFileSync(kept, 'utf8')).checkpoints.at(-1).treeSize);
    const proof = path.join(dataDir, 'proof.json');
    expect(cli('prove-audit', proof, '--from', keptSize)).toMatchObject({
      code: 0,
      out: expect.stringContaining(`consistency proof from ${keptSize} to`),
    });
    expect(cli('check-audit-proof', proof, '--checkpoints', kept)).toMatchObject({
      code: 0,
      out: expect.stringMatching(new RegExp(`consistent: \\d+ entries extend the ${keptSize} signed before`)),
    });
    const altered = fs.readFileSync(proof, 'utf8').replace('"user.create_admin"', '"user.nothing_to_see"');
    fs.writeFileSync(proof, altered);
    expect(cli('check-audit-proof', proof, '--checkpoints', kept)).toMatchObject({
      code: 1,
      out: expect.stringContaining('NOT consistent'),
    });
    expect(cli('prove-audit', proof, '--from', '999999')).toMatchObject({
      code: 1,
      out: expect.stringContaining('no signed checkpoint covers exactly 999999 entries'),
    });

    const database = await openPGlite({ dataDir });
    await database.db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
      await sql`update audit_log set action = 'user.nothing_to_see' where action = 'user.create_admin'`.execute(trx);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(trx);
    });
    await database.close();

    const broken = cli('verify-audit');
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/audit chain BROKEN at sequence \d+ \(content_changed\)/);
  }, 300_000);

  it('prints usage for an unknown command', () => {
    const result = cli('frobnicate');
    expect(result.code).toBe(2);
    expect(result.out).toContain('Usage: npm run cli');
  });
});
