import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { createFieldCipher } from '../server/db/fieldCipher.ts';
import { loadFieldKey } from '../server/db/fieldKey.ts';
import { migrate } from '../server/db/migrate.ts';
import { openDatabase } from '../server/db/open.ts';
import { ensureDivisions, seedDemo } from '../server/demo/seed.ts';
import { type Deps, systemClock } from '../server/deps.ts';
import { importDistrictOutlines, importPopulation } from '../server/modules/geography/index.ts';
import { SYSTEM_CONTEXT } from '../server/platform/audit/auditLog.ts';
import { exportCheckpoints, parseCheckpointExport } from '../server/platform/audit/checkpointExport.ts';
import { loadCheckpointKey } from '../server/platform/audit/checkpointKey.ts';
import { buildConsistencyProof, checkConsistencyProof, parseConsistencyProof } from '../server/platform/audit/consistency.ts';
import { sealAuditLog } from '../server/platform/audit/sealer.ts';
import { verifyAuditLog } from '../server/platform/audit/verify.ts';
import { AppError } from '../server/platform/errors/AppError.ts';
import { BackupError, backup, restore } from './backup.ts';
import { createAdmin } from './createAdmin.ts';

const USAGE = `Usage: npm run cli -- <command>

  migrate                         apply pending database migrations
  seed-demo                       fill an empty database with the Lianyungang demo
  import-population FILE          import yearly population (.csv or .xlsx: code, year, total, under3)
  import-outlines FILE --city CODE [--approval-number GS…]
                                  replace a city's district outlines with a GeoJSON FeatureCollection
                                  (WGS-84; properties.code or adcode per district), shown on the
                                  finder's map with its map approval number (审图号)
  create-admin --phone P --name N create an administrator (password from TUOYU_ADMIN_PASSWORD,
                                  or a generated one printed once)
  verify-audit [--checkpoints FILE]
                                  recompute the sealed audit chain and check its signed checkpoints,
                                  and those in FILE (from export-checkpoints); exit 1 if broken
  export-checkpoints FILE         write the audit log's signed checkpoints to FILE (JSON), for
                                  an auditor to keep and verify against later
  prove-audit FILE --from N [--to M]
                                  write to FILE a consistency proof: the entries between the signed
                                  checkpoints of N and of M entries (default: the latest)
  check-audit-proof FILE [--checkpoints KEPT]
                                  check a proof without the database: signed, starting at a
                                  checkpoint in KEPT (from export-checkpoints), passing every kept
                                  checkpoint on the way and ending at its newer head; exit 1 if not
  backup FILE                     write the database, uploaded files and field key to one tar file
                                  (embedded database: stop the server first; PostgreSQL: pg_dump)
  restore FILE                    restore a backup into an empty database and data folder

The database is the one the server uses: DATABASE_URL, or the embedded one in DATA_DIR.`;

const [command, ...rest] = process.argv.slice(2);
if (!command || command === 'help' || command === '--help') {
  console.log(USAGE);
  process.exit(command ? 0 : 2);
}

if (command === 'check-audit-proof') process.exit(checkAuditProof(rest));

const config = loadConfig();
if (command === 'backup' || command === 'restore') {
  // Before anything opens the database or makes a field key: restore needs an untouched target.
  const file = rest[0];
  if (!file) {
    console.error(`${command} needs a FILE`);
    process.exit(2);
  }
  try {
    console.log(await (command === 'backup' ? backup : restore)(config, file));
    process.exit(0);
  } catch (err) {
    console.error(err instanceof BackupError ? err.message : `${command} failed: ${(err as Error).message}`);
    process.exit(1);
  }
}
const database = await openDatabase(config);
const checkpointKey = loadCheckpointKey(config);
const deps: Deps = { database, db: database.db, config, clock: systemClock, cipher: createFieldCipher(loadFieldKey(config)) };
const WRITING_COMMANDS = new Set(['seed-demo', 'import-population', 'import-outlines', 'create-admin']);
let code = 0;
try {
  code = await run(command, rest);
  // What this command wrote is sealed before it exits: no server may be running to do it.
  if (WRITING_COMMANDS.has(command)) await sealAuditLog(database.db, checkpointKey, { settleMs: 10_000 });
} catch (err) {
  if (err instanceof AppError && Array.isArray(err.details)) {
    console.error(`${err.code}:`);
    // Outline problems name their feature in the message; file rows have a line.
    for (const d of err.details as { line?: number; message: string }[]) console.error(`  ${d.line ? `line ${d.line}: ` : ''}${d.message}`);
  } else {
    console.error((err as Error).message);
  }
  code = 1;
} finally {
  await database.close();
}
process.exit(code);

async function run(cmd: string, args: string[]): Promise<number> {
  switch (cmd) {
    case 'migrate': {
      const applied = await migrate(database);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      return 0;
    }
    case 'seed-demo': {
      await migrate(database);
      await ensureDivisions(deps);
      console.log((await seedDemo(deps)) ? 'demo seeded' : 'the database already has users; nothing seeded');
      return 0;
    }
    case 'import-population': {
      const file = args[0];
      if (!file) throw new Error('import-population needs a FILE');
      await migrate(database);
      await ensureDivisions(deps);
      const result = await importPopulation(
        deps,
        { data: fs.readFileSync(file), filename: path.basename(file) },
        { ...SYSTEM_CONTEXT, actorRole: 'cli' },
        'zh-CN',
      );
      console.log(`imported ${result.imported} rows`);
      return 0;
    }
    case 'import-outlines': {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { city: { type: 'string' }, 'approval-number': { type: 'string' } },
      });
      const [file] = positionals;
      if (!file || !values.city) throw new Error('import-outlines needs a FILE and --city CODE');
      await migrate(database);
      await ensureDivisions(deps);
      const result = await importDistrictOutlines(
        deps,
        values.city,
        {
          approvalNumber: values['approval-number'],
          source: `import:${path.basename(file).slice(0, 100)}`,
          outlines: parseOutlinesFile(fs.readFileSync(file, 'utf8')),
        },
        { ...SYSTEM_CONTEXT, actorRole: 'cli' },
        'zh-CN',
      );
      console.log(`imported the outlines of ${result.districts.length} districts: ${result.districts.join(', ')}`);
      return 0;
    }
    case 'create-admin': {
      const { values } = parseArgs({ args, options: { phone: { type: 'string' }, name: { type: 'string' } } });
      if (!values.phone || !values.name) throw new Error('create-admin needs --phone and --name');
      await migrate(database);
      const { generatedPassword } = await createAdmin(deps, values.phone, values.name, process.env.TUOYU_ADMIN_PASSWORD);
      console.log(`administrator ${values.phone} created`);
      if (generatedPassword) console.log(`password (shown once): ${generatedPassword}`);
      return 0;
    }
    case 'verify-audit': {
      const { values } = parseArgs({ args, options: { checkpoints: { type: 'string' } } });
      const external = values.checkpoints ? parseCheckpointExport(fs.readFileSync(values.checkpoints, 'utf8')) : undefined;
      const result = await verifyAuditLog(database.db, {
        publicKeys: { ...external?.publicKeys, [checkpointKey.keyId]: checkpointKey.publicKeyPem },
        external: external?.checkpoints,
      });
      const tail = `${result.checkpoints} checkpoints checked; ${result.unsealed} entries not sealed yet`;
      if (result.ok) {
        console.log(`audit chain intact: ${result.checked} entries verified; ${tail}`);
        return 0;
      }
      const problem = result.problem as NonNullable<typeof result.problem>;
      console.error(
        `audit chain BROKEN at sequence ${problem.seq} (${problem.reason}); ${result.checked} entries before it verified; ${tail}`,
      );
      return 1;
    }
    case 'export-checkpoints': {
      const file = args[0];
      if (!file) throw new Error('export-checkpoints needs a FILE');
      const exported = await exportCheckpoints(database.db, checkpointKey, new Date());
      fs.writeFileSync(file, `${JSON.stringify(exported, null, 2)}\n`);
      const last = exported.checkpoints.at(-1);
      console.log(
        `${exported.checkpoints.length} checkpoints written to ${file}${last ? `; the latest covers ${last.treeSize} entries` : ''}`,
      );
      return 0;
    }
    case 'prove-audit': {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { from: { type: 'string' }, to: { type: 'string' } },
      });
      const [file] = positionals;
      const from = Number(values.from);
      const to = values.to === undefined ? undefined : Number(values.to);
      if (!file || !Number.isInteger(from) || from < 1 || (to !== undefined && !Number.isInteger(to))) {
        throw new Error('prove-audit needs a FILE and --from N (the entries of a checkpoint the auditor kept)');
      }
      const proof = await buildConsistencyProof(database.db, checkpointKey, from, to, new Date());
      fs.writeFileSync(file, `${JSON.stringify(proof, null, 2)}\n`);
      console.log(`consistency proof from ${proof.from.treeSize} to ${proof.to.treeSize} entries written to ${file}`);
      return 0;
    }
    default:
      console.error(`Unknown command: ${cmd}\n\n${USAGE}`);
      return 2;
  }
}

/** A GeoJSON FeatureCollection, or a clear refusal: the service checks its features. */
function parseOutlinesFile(text: string): { features: unknown[] } {
  const parsed: unknown = JSON.parse(text);
  const features = (parsed as { type?: unknown; features?: unknown }).features;
  if ((parsed as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray(features)) {
    throw new Error('import-outlines needs a GeoJSON FeatureCollection');
  }
  return { features };
}

/** Runs without a database: the auditor checks the proof where they keep their checkpoints. */
function checkAuditProof(args: string[]): number {
  try {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { checkpoints: { type: 'string' } } });
    const [file] = positionals;
    if (!file) throw new Error('check-audit-proof needs a FILE');
    const proof = parseConsistencyProof(fs.readFileSync(file, 'utf8'));
    const kept = values.checkpoints ? parseCheckpointExport(fs.readFileSync(values.checkpoints, 'utf8')) : undefined;
    const check = checkConsistencyProof(proof, kept);
    const against = kept ? 'the checkpoints kept' : 'itself only (no --checkpoints given)';
    if (check.ok) {
      console.log(
        `consistent: ${check.to} entries extend the ${check.from} signed before; ${check.entries} entries checked against ${against}`,
      );
      return 0;
    }
    console.error(`NOT consistent at sequence ${check.problem?.seq} (${check.problem?.reason}), checked against ${against}`);
    return 1;
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  }
}
