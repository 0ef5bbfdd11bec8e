import type { Db } from '../../../db/executor.ts';
import { notify } from '../../../platform/notifications/notify.ts';

const LINK = (id: string) => `/official/articles/${id}`;

/** The author hears when a second official approves the article or returns it with a note. */
export async function tellAuthor(
  trx: Db,
  article: { id: string; author_id: string; title: string },
  decision: { action: 'approve' | 'return'; note?: string },
  now: Date,
) {
  await notify(
    trx,
    [article.author_id],
    decision.action === 'approve'
      ? { kind: 'guidance.article_approved', params: { title: article.title }, link: LINK(article.id) }
      : { kind: 'guidance.article_returned', params: { title: article.title, note: decision.note ?? '' }, link: LINK(article.id) },
    now,
  );
}

/** The reviewer who approved a published article, and its author, hear that the daily check flagged it. */
export async function tellOfFlags(
  trx: Db,
  article: { id: string; title: string; author_id: string; approved_by: string | null },
  count: number,
  now: Date,
) {
  const recipients = [article.approved_by, article.author_id].filter((id): id is string => id !== null);
  await notify(
    trx,
    recipients,
    { kind: 'guidance.article_flagged', params: { title: article.title, count: String(count) }, link: LINK(article.id) },
    now,
  );
}
