import type { TestApp } from '../../../../../test/harness/app.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { completeInstitution, createFiledInstitution, markFiled } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { createRoleWorld, type RoleWorld } from '../../../../../test/harness/roles.ts';
import { DEFAULT_CHECKLIST } from '../../../../domain/supervision/checklist.ts';

/** A multipart body of text fields and at most one file part. */
export function multipart(fields: Record<string, string>, file?: { name: string; filename: string; data: Buffer }) {
  const boundary = '----tuoyu-supervision-boundary';
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);
export const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0)]);

/**
 * The role world with its institution filed and two more filed institutions in the district,
 * three inspectors (the first linked to a district official's account), and an official of a second
 * district who must see nothing of the first.
 */
export async function createInspectionWorld(t: TestApp) {
  const world: RoleWorld = await createRoleWorld(t);
  const db = t.deps.db;
  const township = world.townshipCodes[0] as string;
  await completeInstitution(db, world.institutionId);
  await markFiled(db, world.institutionId, township);
  const others = [
    await createFiledInstitution(db, township, '东园托育'),
    await createFiledInstitution(db, world.townshipCodes[1] as string, '西园托育'),
  ];
  const district = world.actors.district_official.cookie as string;
  const colleague = await createUser(db, { role: 'district_official', divisionCode: world.districtCode });
  for (const [name, phone] of [['王检查', colleague.phone], ['李检查'], ['赵检查']] as const) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/inspectors',
      headers: { cookie: district },
      payload: { divisionCode: world.districtCode, name, ...(phone ? { phone } : {}) },
    });
    if (res.statusCode !== 201) throw new Error(`inspector: ${res.body}`);
  }
  const directory = (
    await t.app.inject({ url: `/api/v1/inspectors?divisionCode=${world.districtCode}`, headers: { cookie: district } })
  ).json();
  const elsewhere = await createDistrict(db, '邻区');
  const otherOfficial = await createUser(db, { role: 'district_official', divisionCode: elsewhere.districtCode });
  return {
    world,
    institutionIds: [world.institutionId, ...others.map((o) => o.id)],
    inspectorIds: (directory.inspectors as { id: string }[]).map((i) => i.id),
    otherDistrict: elsewhere.districtCode,
    otherOfficialCookie: await signIn(t.app, otherOfficial.phone),
  };
}

const PASS_ALL = DEFAULT_CHECKLIST.map((i) => i.key);

/** Results with every item passed but the named ones failed, each with a requirement and a deadline. */
export function resultsBody(failed: Record<string, string>, inspectedOn = '2026-11-28') {
  return {
    inspectedOn,
    overall: Object.keys(failed).length > 0 ? 'rectify' : 'pass',
    items: PASS_ALL.map((key) =>
      key in failed
        ? { key, result: 'fail', notes: '保育员张某健康证过期', requirement: '补办健康证并提交', deadline: failed[key] }
        : { key, result: 'pass' },
    ),
  };
}
