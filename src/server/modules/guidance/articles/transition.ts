import { type ArticleStatus, ArticleWorkflow } from '../../../../domain/guidance/articles.ts';
import type { Db } from '../../../db/executor.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { actionNotAllowed } from '../../../platform/workflow/refusal.ts';
import { tellAuthor } from './notifications.ts';
import * as q from './queries.ts';
import type { TransitionBody } from './schemas.ts';
import { getArticle, partyOf } from './service.ts';

type Locked = NonNullable<Awaited<ReturnType<typeof q.lockArticle>>>;

/**
 * One step of an article (src/domain/guidance/articles.ts), on the locked row: 403 when the
 * caller's part does not take it (an author approving their own article), 409 with the allowed
 * actions when the status does not offer it. Approving without a publishAt, or with one already
 * past, publishes at once; a later publishAt leaves the article to the scheduled job.
 */
export async function transition(deps: Deps, scope: Scope, id: string, input: TransitionBody, context: AuditContext) {
  const now = deps.clock.now();
  const publishAt = input.publishAt ? new Date(input.publishAt) : undefined;
  if (input.action === 'return' && !input.note) throw fieldError('body.note', 'reason.required');
  await deps.db.transaction().execute(async (trx) => {
    const article = await q.lockArticle(trx, id);
    if (!article) throw new AppError('NOT_FOUND');
    const status = article.status as ArticleStatus;
    const party = await partyOf(trx, scope, article);
    const step = ArticleWorkflow.step(status, input.action);
    if (step && !step.by.includes(party)) throw new AppError(input.action === 'approve' ? 'ARTICLE_SECOND_OFFICIAL_REQUIRED' : 'FORBIDDEN');
    if (!step)
      throw actionNotAllowed('ARTICLE_ACTION_NOT_ALLOWED', {
        status,
        action: input.action,
        allowed: ArticleWorkflow.allowedActions(status, [party]),
      });

    const actor = scope.actor.userId;
    switch (input.action) {
      case 'submit':
        await q.updateArticle(trx, id, { status: step.to, submitted_by: actor, updated_at: now });
        break;
      case 'approve':
        await q.updateArticle(trx, id, {
          status: step.to,
          approved_by: actor,
          approved_at: now,
          publish_at: publishAt ?? now,
          updated_at: now,
        });
        await tellAuthor(trx, article, { action: 'approve' }, now);
        break;
      case 'publish':
        await q.updateArticle(trx, id, { status: step.to, published_at: now, publish_at: null, updated_at: now });
        break;
      case 'return':
      case 'unpublish':
        // Back to draft: the approval was of these words, so a new one is needed after any change.
        await q.updateArticle(trx, id, { ...CLEARED, status: step.to, updated_at: now });
        if (input.action === 'return') await tellAuthor(trx, article, { action: 'return', note: input.note }, now);
        break;
    }
    await record(trx, context, article, { action: input.action, to: step.to, actorId: actor, note: input.note ?? null, publishAt }, now);
    if (input.action === 'approve' && (publishAt ?? now) <= now) {
      await q.updateArticle(trx, id, { status: 'published', published_at: now, publish_at: null });
      await record(
        trx,
        context,
        { ...article, status: 'approved' },
        { action: 'publish', to: 'published', actorId: actor, note: null },
        now,
      );
    }
  });
  return getArticle(deps, scope, id);
}

const CLEARED = { submitted_by: null, approved_by: null, approved_at: null, publish_at: null, published_at: null };

/** The event row and the audit entry of one step; the scheduled job records its publishing the same way. */
export async function record(
  trx: Db,
  context: AuditContext,
  article: Pick<Locked, 'id' | 'status' | 'slug'>,
  step: { action: string; to: string; actorId: string | null; note: string | null; publishAt?: Date },
  now: Date,
) {
  await q.insertEvent(trx, {
    article_id: article.id,
    action: step.action,
    from_status: article.status,
    to_status: step.to,
    actor_id: step.actorId,
    note: step.note,
    at: now,
  });
  await appendAudit(
    trx,
    context,
    {
      action: `article.${step.action}`,
      entityType: 'article',
      entityId: article.id,
      detail: { slug: article.slug, from: article.status, to: step.to, note: step.note, publishAt: step.publishAt?.toISOString() },
    },
    now,
  );
}
