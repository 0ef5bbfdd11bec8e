import type { Db } from '../../../db/executor.ts';
import type { ExportSection } from '../../children/index.ts';

/** The children's growth records as measured (vaccinations are not held by tuoyu). */
export async function exportForGuardian(db: Db, childIds: string[]): Promise<ExportSection[]> {
  if (childIds.length === 0) return [];
  const rows = await db
    .selectFrom('growth_measurements')
    .select(['child_id', 'measured_on', 'weight_g', 'length_mm', 'position', 'head_mm', 'source', 'institution_id'])
    .where('child_id', 'in', childIds)
    .orderBy('measured_on')
    .execute();
  return [{ kind: 'growth_measurements', rows }];
}
