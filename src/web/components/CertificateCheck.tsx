import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Result, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { normalizeVoucherCode } from '../../domain/subsidies/voucherCode.ts';
import { ApiError } from '../api/client';
import { LoadError, PageLoading } from './PageStatus';

type Props<T> = {
  /**
   * The i18n section with title, lead, notFound, notFoundHint, another, codeLabel, codeHint,
   * codeInvalid and check, written with its dot (`'verifyCertificate.'`): the build ships the
   * texts a page names, and a name ending in a dot brings the whole section.
   */
  texts: string;
  /** The page's own path; a code typed in goes after `#`. */
  pathname: string;
  useCheck: (code: string | undefined) => UseQueryResult<T>;
  children: (data: T) => ReactNode;
};

/**
 * A public page that checks a certificate by its code (a utility-price certificate, a training
 * certificate): the code comes after `#` in the link or QR code, so no server or its logs see it;
 * a code typed from paper is checked for its check character before anything is asked.
 */
export function CertificateCheck<T>({ texts, pathname, useCheck, children }: Props<T>) {
  const { t } = useTranslation();
  const { hash } = useLocation();
  // Certificates printed before links carried the code after `#` put it in the path.
  const { code: pathCode } = useParams();
  const code = hash.slice(1) || pathCode;
  const check = useCheck(code);

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720, margin: '0 auto', width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t(`${texts}title`)}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t(`${texts}lead`)}
        </Typography.Paragraph>
      </div>
      {code &&
        (check.isPending ? (
          <PageLoading />
        ) : check.isError ? (
          check.error instanceof ApiError && check.error.status === 404 ? (
            <Card>
              <Result status="error" title={t(`${texts}notFound`)} subTitle={t(`${texts}notFoundHint`, { code })} />
            </Card>
          ) : (
            <LoadError error={check.error} onRetry={() => void check.refetch()} />
          )
        ) : (
          children(check.data as T)
        ))}
      <CodeForm key={code} another={!!code} texts={texts} pathname={pathname} />
    </Flex>
  );
}

function CodeForm({ another, texts, pathname }: { another: boolean; texts: string; pathname: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card size="small" title={another ? t(`${texts}another`) : undefined}>
      <Form layout="vertical" onFinish={(v: { code: string }) => navigate({ pathname, hash: normalizeVoucherCode(v.code) ?? '' })}>
        <Form.Item
          label={t(`${texts}codeLabel`)}
          name="code"
          extra={t(`${texts}codeHint`)}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                normalizeVoucherCode(value ?? '') ? Promise.resolve() : Promise.reject(t(`${texts}codeInvalid`)),
            },
          ]}
        >
          <Input placeholder="XXXX-XXXX-XXXX" autoComplete="off" style={{ fontFamily: 'monospace', maxWidth: 280 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t(`${texts}check`)}
        </Button>
      </Form>
    </Card>
  );
}
