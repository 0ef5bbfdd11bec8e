import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ErasureOutcomeItem } from './api';

const RESULT_COLOR: Record<ErasureOutcomeItem['result'], string> = { erased: 'green', anonymised: 'blue', kept: 'orange' };

/** What an approved request did to each kind of record: kept ones first, each with the reason. */
export function ErasureOutcome({ items }: { items: ErasureOutcomeItem[] }) {
  const { t } = useTranslation();
  const order: ErasureOutcomeItem['result'][] = ['kept', 'anonymised', 'erased'];
  const sorted = [...items].sort((a, b) => order.indexOf(a.result) - order.indexOf(b.result));
  return (
    <Flex vertical gap={6} data-testid="erasure-outcome">
      {sorted.map((item) => (
        <Flex key={`${item.kind}-${item.result}`} gap={8} align="baseline" wrap>
          <Tag color={RESULT_COLOR[item.result]} style={{ margin: 0 }}>
            {t(`privacy.results.${item.result}`)}
          </Tag>
          <Typography.Text strong>{t(`privacy.kinds.${item.kind}`)}</Typography.Text>
          <Typography.Text type="secondary">{t('privacy.count', { count: item.count })}</Typography.Text>
          {item.reason !== 'on_request' && (
            <Typography.Text type="secondary" style={{ flexBasis: '100%' }}>
              {t(`privacy.reasons.${item.reason}`)}
            </Typography.Text>
          )}
        </Flex>
      ))}
    </Flex>
  );
}
