import { Button, Card, Collapse, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import { useShortfall } from './queries';

/** The most concerning first; the rest on request, so the registry's list stays in view. */
const SHOWN = 5;

/** The registry's list of institutions whose staff fall short of the yearly training hours or lack a valid childcare qualification. */
export function ShortfallCard({ divisionCode }: { divisionCode?: string }) {
  const { t } = useTranslation();
  const shortfall = useShortfall(divisionCode);
  const [all, setAll] = useState(false);
  if (shortfall.isPending) return <PageLoading />;
  if (shortfall.isError) return <LoadError error={shortfall.error} onRetry={() => void shortfall.refetch()} />;
  const s = shortfall.data;
  return (
    <Card
      size="small"
      data-testid="training-shortfall"
      title={t('trainings.shortfall.title', { year: s.year, hours: s.yearlyHours })}
      extra={
        <Typography.Text type="secondary">
          {t('trainings.shortfall.count', { n: s.items.length, of: s.institutionsChecked })}
        </Typography.Text>
      }
    >
      {s.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trainings.shortfall.none')} />
      ) : (
        <Collapse
          size="small"
          items={(all ? s.items : s.items.slice(0, SHOWN)).map((i) => ({
            key: i.institutionId,
            label: (
              <Flex justify="space-between" wrap gap={4}>
                <span>{i.institutionName}</span>
                <span>
                  {i.short.length > 0 && <Tag color="orange">{t('trainings.shortfall.short', { n: i.short.length })}</Tag>}
                  {i.unqualified.length > 0 && <Tag color="red">{t('trainings.shortfall.unqualified', { n: i.unqualified.length })}</Tag>}
                </span>
              </Flex>
            ),
            children: (
              <Flex vertical gap={4}>
                {i.short.map((p) => (
                  <Typography.Text key={`h${p.staffId}`}>
                    {t('trainings.shortfall.person', { name: p.name, hours: p.hours, yearly: s.yearlyHours })}
                  </Typography.Text>
                ))}
                {i.unqualified.map((p) => (
                  <Typography.Text key={`q${p.staffId}`} type="danger">
                    {p.name} · {t(`trainings.qualification.${p.qualification}`)}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          }))}
        />
      )}
      {!all && s.items.length > SHOWN && (
        <Button type="link" onClick={() => setAll(true)} style={{ paddingInline: 0 }}>
          {t('trainings.shortfall.showAll', { n: s.items.length })}
        </Button>
      )}
    </Card>
  );
}
