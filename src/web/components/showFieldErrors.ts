import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

type Detail = { path?: unknown; message?: unknown };

/**
 * The server's field messages sorted by the field that holds each (`fields` maps a body path to
 * it; an item of a list, "institutionIds.1", goes to the list's field), and the words that belong
 * to none. The generic "提交的信息有误" is dropped once a field says what is wrong; any other
 * refusal keeps its own words, which say something the fields do not.
 */
export function fieldErrorsOf(error: Error, fields: Record<string, string>): { byField: Map<string, string[]>; rest: string[] } {
  const byField = new Map<string, string[]>();
  if (!(error instanceof ApiError)) return { byField, rest: [error.message] };
  const details = Array.isArray(error.details) ? (error.details as Detail[]) : [];
  const unplaced: string[] = [];
  // A refusal that names a field without words of its own (a 409 at body.residentId) shows its message there.
  let refusalPlaced = false;
  for (const d of details) {
    const path = typeof d.path === 'string' ? d.path.replace(/^body\./, '') : undefined;
    const field = path === undefined ? undefined : (fields[path] ?? fields[path.replace(/(\.\d+)+$/, '')]);
    const message = typeof d.message === 'string' ? d.message : field && error.code !== 'VALIDATION_FAILED' ? error.message : undefined;
    if (message === undefined) continue;
    if (typeof d.message !== 'string') refusalPlaced = true;
    if (field) byField.set(field, [...(byField.get(field) ?? []), message]);
    else unplaced.push(message);
  }
  const generic = (error.code === 'VALIDATION_FAILED' && byField.size > 0) || refusalPlaced;
  return { byField, rest: generic ? unplaced : [error.message, ...unplaced] };
}

/**
 * After a refused save: puts the server's field messages under the form's own fields and returns
 * the words left for the form's own alert (see fieldErrorsOf), so nothing the server said is lost.
 * `fields` maps a body path to the form field that holds it (requestedFen is typed in yuan as
 * requestedYuan).
 */
export function showFieldErrors(form: FormInstance, error: Error, fields: Record<string, string>): string[] {
  const { byField, rest } = fieldErrorsOf(error, fields);
  form.setFields([...byField].map(([field, errors]) => ({ name: field.split('.'), errors })));
  return rest;
}
