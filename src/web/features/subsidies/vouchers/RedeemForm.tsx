import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Input, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fenToYuanString, parseYuanInput } from '../../../../domain/money/fen.ts';
import { formatVoucherCode, normalizeVoucherCode } from '../../../../domain/subsidies/voucherCode.ts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useFeedback } from '../../../components/feedback';
import type { Statement } from '../../enrollment/api';
import { keys as enrollmentKeys } from '../../enrollment/queries';
import { lookupVoucher, redeemVoucher, type VoucherLookup } from './api';
import { yuan } from './format';
import { keys } from './queries';
import { VOUCHER_STATUS_COLOR } from './VoucherCard';

/**
 * A random idempotency key. `crypto.randomUUID` exists only in secure contexts (HTTPS or
 * localhost); a demo opened over plain HTTP on the office network still has getRandomValues.
 */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * 核销: the director types the family's code (or scans it into the field; the scanner types the
 * QR text and presses Enter), sees the voucher, and redeems it against this statement.
 */
export function RedeemForm({ statement }: { statement: Statement }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const client = useQueryClient();
  const [input, setInput] = useState('');
  const [amount, setAmount] = useState('');
  const [found, setFound] = useState<VoucherLookup | null>(null);
  // One key per submission: a retry of the same request (after a timeout, a double click) sends
  // the same key and gets the first result back; a changed code, amount or statement is a new request.
  const attempt = useRef<{ request: string; key: string } | null>(null);
  const code = normalizeVoucherCode(input);
  const amountFen = parseYuanInput(amount);

  const lookup = useMutation({
    mutationFn: lookupVoucher,
    onSuccess: (v) => {
      setFound(v);
      setAmount(fenToYuanString(Math.min(v.faceValueFen, statement.totalDueFen)));
    },
    onError: () => setFound(null),
  });
  const redeem = useMutation({
    mutationFn: (body: { code: string; amountFen: number }) => {
      const request = `${statement.id}|${body.code}|${body.amountFen}`;
      if (attempt.current?.request !== request) attempt.current = { request, key: newIdempotencyKey() };
      return redeemVoucher({ ...body, statementId: statement.id, idempotencyKey: attempt.current.key });
    },
    onSuccess: (r) => {
      attempt.current = null;
      setInput('');
      setAmount('');
      setFound(null);
      lookup.reset();
      void message.success(t('statements.redeemed', { amount: yuan(r.amountFen), code: formatVoucherCode(r.code) }));
      return Promise.all([
        client.invalidateQueries({ queryKey: enrollmentKeys.statements }),
        client.invalidateQueries({ queryKey: keys.redemptions(statement.institutionId, r.month) }),
      ]);
    },
  });

  const search = () => {
    redeem.reset();
    if (code) lookup.mutate(code);
  };
  const typedWrong = input.trim() !== '' && !code;
  const otherChild = found !== null && found.child.id !== statement.childId;
  const amountWrong = amount.trim() !== '' && (amountFen === undefined || amountFen <= 0);

  return (
    <Card size="small" title={t('statements.redeemTitle')} data-testid="redeem-form">
      <Flex vertical gap={12}>
        <Input.Search
          value={input}
          onChange={(e) => {
            setInput(e.target.value);
            setFound(null);
            lookup.reset();
          }}
          onSearch={search}
          enterButton={t('statements.lookup')}
          loading={lookup.isPending}
          placeholder={t('statements.codePlaceholder')}
          aria-label={t('statements.code')}
          status={typedWrong ? 'error' : undefined}
          autoComplete="off"
          autoFocus
          data-testid="voucher-code-input"
        />
        {typedWrong && <Typography.Text type="danger">{t('statements.codeWrong')}</Typography.Text>}
        <ErrorAlert error={lookup.error} />
        {found && <FoundVoucher voucher={found} />}
        {otherChild && <Alert type="warning" showIcon title={t('statements.otherChild', { name: found.child.name })} />}
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('statements.amount')}</Typography.Text>
          <Input
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            prefix="¥"
            inputMode="decimal"
            style={{ width: 160 }}
            status={amountWrong ? 'error' : undefined}
            aria-label={t('statements.amount')}
            data-testid="redeem-amount"
          />
          <Typography.Text type="secondary">{t('statements.amountHelp', { due: yuan(statement.totalDueFen) })}</Typography.Text>
        </Flex>
        <Button
          type="primary"
          size="large"
          disabled={!code || amountFen === undefined || amountFen <= 0 || otherChild}
          loading={redeem.isPending}
          onClick={() => code && amountFen !== undefined && redeem.mutate({ code, amountFen })}
          data-testid="redeem"
        >
          {t('statements.confirmRedeem')}
        </Button>
        <ErrorAlert error={redeem.error} />
      </Flex>
    </Card>
  );
}

function FoundVoucher({ voucher: v }: { voucher: VoucherLookup }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={1} bordered data-testid="found-voucher">
      <Descriptions.Item label={t('statements.code')}>
        {v.codeDisplay} <Tag color={VOUCHER_STATUS_COLOR[v.status]}>{t(`vouchers.status.${v.status}`)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('statements.program')}>{v.programName}</Descriptions.Item>
      <Descriptions.Item label={t('statements.child')}>{v.child.name}</Descriptions.Item>
      <Descriptions.Item label={t('statements.faceValue')}>{yuan(v.faceValueFen)}</Descriptions.Item>
      <Descriptions.Item label={t('statements.validity')}>
        {t('vouchers.validity', { from: v.validFrom, to: v.expiresOn })}
      </Descriptions.Item>
      <Descriptions.Item label={t('statements.usableHere')}>
        {v.usable ? (
          <Tag color="green">{t('statements.usable')}</Tag>
        ) : (
          <Tag color="red">{v.acceptedHere ? t('statements.notUsable') : t('statements.notAcceptedHere')}</Tag>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
