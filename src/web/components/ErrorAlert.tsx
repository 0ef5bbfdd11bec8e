import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import { ApiError } from '../api/client';

/**
 * A refused action in the server's words. A 400 says only "some information is not valid"; the
 * field messages in `details` (a resident ID's check digit, an amount above the face value) say which.
 */
export function ErrorAlert({ error, style }: { error: Error | null; style?: CSSProperties }) {
  if (!error) return null;
  const details = error instanceof ApiError && Array.isArray(error.details) ? (error.details as Array<{ message?: unknown }>) : [];
  const fields = details.map((d) => d.message).filter((m): m is string => typeof m === 'string');
  return (
    <Alert
      type="error"
      showIcon
      title={error.message}
      description={fields.length > 0 ? fields.join('；') : undefined}
      style={style}
      data-testid="error"
    />
  );
}
