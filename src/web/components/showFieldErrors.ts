import type { FormInstance } from 'antd';
import type { ApiError } from '../api/client';

type Detail = { path?: unknown; message?: unknown };

/**
 * Puts the server's field messages ("body.details.months": …) under the form's own fields and
 * returns what belongs to none of them, so nothing the server said is lost. `fields` maps a body
 * path to the form field that holds it (requestedFen is typed in yuan as requestedYuan).
 */
export function showFieldErrors(form: FormInstance, error: ApiError, fields: Record<string, string>): string[] {
  const details = Array.isArray(error.details) ? (error.details as Detail[]) : [];
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const d of details) {
    if (typeof d.message !== 'string') continue;
    const field = typeof d.path === 'string' ? fields[d.path.replace(/^body\./, '')] : undefined;
    if (field) byField.set(field, [...(byField.get(field) ?? []), d.message]);
    else rest.push(d.message);
  }
  form.setFields([...byField].map(([field, errors]) => ({ name: field.split('.'), errors })));
  return rest;
}
