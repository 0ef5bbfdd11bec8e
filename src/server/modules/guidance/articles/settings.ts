import { z } from 'zod';
import { DEFAULT_LINK_HOSTS } from '../../../../domain/guidance/articles.ts';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../db/executor.ts';
import type { Deps } from '../../../deps.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.ts';

export const LINK_HOSTS_KEY = 'guidance.articleLinkHosts';

const Host = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?:[a-z0-9-]+\.)*[a-z0-9-]+$/, { message: 'article.host' })
  .max(253);
export const LinkHosts = z.array(Host).max(200);

/** The hosts of the product's own addresses (PUBLIC_ORIGIN): links there are not external. */
export function ownHosts(config: Config): string[] {
  return config.publicOrigins.map((origin) => new URL(origin).hostname);
}

/** The hosts the city lets articles link to; by default the government's (gov.cn) and the product's own. */
export async function findLinkHosts(db: Db, config: Config): Promise<string[]> {
  return (await readSetting(db, LINK_HOSTS_KEY, LinkHosts)) ?? [...DEFAULT_LINK_HOSTS, ...ownHosts(config)];
}

export const LinkHostsBody = z.object({ hosts: LinkHosts.describe('Hosts and their subdomains, e.g. gov.cn, lyg.gov.cn') });

export async function getLinkHostSettings(deps: Deps) {
  return { hosts: await findLinkHosts(deps.db, deps.config) };
}

/** The city changes the list; the next daily check judges every published article against it. */
export async function updateLinkHosts(deps: Deps, context: AuditContext, body: { hosts: string[] }) {
  const now = deps.clock.now();
  const hosts = [...new Set(body.hosts)];
  await deps.db.transaction().execute(async (trx) => {
    await writeSetting(trx, LINK_HOSTS_KEY, hosts, now);
    await appendAudit(
      trx,
      context,
      { action: 'article.link_hosts.update', entityType: 'settings', entityId: LINK_HOSTS_KEY, detail: { hosts } },
      now,
    );
  });
  return { hosts };
}
