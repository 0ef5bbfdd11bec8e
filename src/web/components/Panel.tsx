import { Flex, theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

type Props = {
  children: ReactNode;
  title?: ReactNode;
  /** Beside the title, at its end (a tag, a link). */
  extra?: ReactNode;
  testId?: string;
  style?: CSSProperties;
  bodyStyle?: CSSProperties;
};

/**
 * A bordered white box, with a title row when given one: antd's Card brings its tabs and their
 * menu along (about 20 KB compressed), a tenth of a phone's page code, for a frame the pages
 * families open draw many times.
 */
export function Panel({ children, title, extra, testId, style, bodyStyle }: Props) {
  const { token } = theme.useToken();
  const line = `1px solid ${token.colorBorderSecondary}`;
  return (
    <section
      data-testid={testId}
      style={{ background: token.colorBgContainer, border: line, borderRadius: token.borderRadiusLG, ...style }}
    >
      {title && (
        <Flex
          justify="space-between"
          align="center"
          gap={8}
          style={{ padding: '12px 16px', borderBottom: line, fontWeight: token.fontWeightStrong, fontSize: token.fontSizeLG }}
        >
          {title}
          {extra}
        </Flex>
      )}
      <div style={{ padding: title ? 16 : 12, ...bodyStyle }}>{children}</div>
    </section>
  );
}
