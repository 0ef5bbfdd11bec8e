import { Alert } from 'antd';

/** What a refused save said that belongs to none of the form's fields. */
export function FormError({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return <Alert type="error" showIcon title={messages.join('；')} style={{ marginBottom: 12 }} data-testid="form-error" />;
}
