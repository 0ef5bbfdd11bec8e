import { AppError } from '../errors/AppError.ts';

type RefusalCode =
  | 'TRANSITION_NOT_ALLOWED'
  | 'APPLICATION_ACTION_NOT_ALLOWED'
  | 'SUBSIDY_ACTION_NOT_ALLOWED'
  | 'ARTICLE_ACTION_NOT_ALLOWED';

/**
 * The 409 for an action the record's status does not offer, naming the actions that are
 * allowed (in the message and in `details.allowed`), so a caller can tell "not now" from "never".
 */
export function actionNotAllowed(code: RefusalCode, refused: { status: string; action: string; allowed: readonly string[] }): AppError {
  const { status, action, allowed } = refused;
  return new AppError(code, { status, action, allowed: allowed.length > 0 ? allowed.join(', ') : '—' }, { status, action, allowed });
}
