import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, message, Segmented, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { formatCny } from '../../../../domain/money/fen.ts';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import { type ChildDeduction, type DeductionMonth, type SharePercent, taxStatementHref } from './api';
import { useChooseShare, useTaxStatement } from './queries';

/** The deduction exists from January 2022 (国发〔2022〕8号); earlier years have nothing to show. */
const FIRST_YEAR = 2022;
const SHARES: readonly SharePercent[] = [100, 50];

/**
 * 3岁以下婴幼儿照护专项附加扣除: the parent's statement for a tax year, child by child — the months
 * under 3, the monthly standard, the share this parent takes — and the workbook to keep.
 */
export function TaxDeductionCard() {
  const { t, i18n } = useTranslation();
  const thisYear = Number(todayInShanghai(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const statement = useTaxStatement(year);
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);

  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{t('benefits.tax.title')}</span>}
      data-testid="tax-deduction"
      extra={
        <Select
          size="small"
          aria-label={t('benefits.tax.year')}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: t('benefits.tax.yearOption', { year: y }) }))}
          style={{ width: 96 }}
          data-testid="tax-year"
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('benefits.tax.lead')}</Typography.Paragraph>
      {statement.isPending ? (
        <PageLoading />
      ) : statement.isError ? (
        <LoadError error={statement.error} onRetry={() => void statement.refetch()} />
      ) : statement.data.children.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('benefits.tax.none', { year })} />
      ) : (
        <Flex vertical gap={12}>
          {statement.data.children.map((child) => (
            <ChildDeductionCard key={child.childId} year={year} child={child} />
          ))}
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Typography.Text strong data-testid="tax-total">
              {t('benefits.tax.yearTotal', { year, amount: formatCny(statement.data.totalFen, i18n.language) })}
            </Typography.Text>
            <Button icon={<DownloadOutlined />} href={taxStatementHref(year)} download data-testid="tax-download">
              {t('benefits.tax.download')}
            </Button>
          </Flex>
        </Flex>
      )}
    </Card>
  );
}

function ChildDeductionCard({ year, child: c }: { year: number; child: ChildDeduction }) {
  const { t, i18n } = useTranslation();
  const choose = useChooseShare(year);
  const money = (fen: number) => formatCny(fen, i18n.language);
  const first = c.months[0]?.month;
  const last = c.months.at(-1)?.month;

  return (
    <Card size="small" type="inner" title={c.childName} extra={money(c.totalFen)} data-testid="tax-child">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {first && last
            ? t('benefits.tax.months', { count: c.months.length, first, last, birthDate: c.birthDate })
            : t('benefits.tax.noMonths', { birthDate: c.birthDate })}
        </Typography.Text>
        <Flex vertical gap={4}>
          <Typography.Text>{t('benefits.tax.share')}</Typography.Text>
          <Segmented<SharePercent>
            block
            value={c.sharePercent as SharePercent}
            disabled={choose.isPending}
            onChange={(sharePercent) =>
              choose.mutate(
                { childId: c.childId, sharePercent },
                {
                  onSuccess: () => void message.success(t('benefits.tax.shareSaved', { percent: sharePercent })),
                  onError: (e) => void message.error(e.message),
                },
              )
            }
            options={SHARES.map((s) => ({
              value: s,
              label: t(`benefits.tax.shareOption.${s}`),
              // The guardians' shares of one child add up to at most 100%.
              disabled: c.otherGuardiansPercent + s > 100,
            }))}
            data-testid="tax-share"
          />
          {!c.shareChosen && <Alert type="info" showIcon title={t('benefits.tax.shareNotChosen', { percent: c.sharePercent })} />}
          {c.otherGuardiansPercent > 0 && (
            <Typography.Text type="secondary">{t('benefits.tax.otherGuardians', { percent: c.otherGuardiansPercent })}</Typography.Text>
          )}
        </Flex>
        {c.months.length > 0 && (
          <Table<DeductionMonth>
            rowKey="month"
            size="small"
            pagination={false}
            dataSource={c.months}
            data-testid="tax-months"
            columns={[
              { title: t('benefits.tax.month'), dataIndex: 'month' },
              { title: t('benefits.tax.standard'), dataIndex: 'standardFen', align: 'right', render: money },
              { title: t('benefits.tax.deductible'), dataIndex: 'deductibleFen', align: 'right', render: money },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}
