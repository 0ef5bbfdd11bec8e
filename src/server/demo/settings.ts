import { z } from 'zod';
import type { Db } from '../db/executor.ts';
import { readSetting, writeSetting } from '../platform/settings/settings.ts';

const DEMO_KEY = 'demo';

/** Whether the database holds the demo; the web app shows a banner when it does. */
export async function isDemo(db: Db): Promise<boolean> {
  return (await readSetting(db, DEMO_KEY, z.boolean())) === true;
}

export async function markDemo(db: Db, now: Date) {
  await writeSetting(db, DEMO_KEY, true, now);
}
