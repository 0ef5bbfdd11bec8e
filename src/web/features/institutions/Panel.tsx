import { theme } from 'antd';
import type { ReactNode } from 'react';

/**
 * A bordered white box: antd's Card brings its tabs along, a fifth again of a phone's page code,
 * for a frame the finder and the profile draw many times.
 */
export function Panel({ children, testId }: { children: ReactNode; testId?: string }) {
  const { token } = theme.useToken();
  return (
    <div
      data-testid={testId}
      style={{
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        padding: 12,
      }}
    >
      {children}
    </div>
  );
}
