import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionStatus } from '../../../domain/supervision/checklist.ts';

const TONE = { pass: 'success', rectify: 'warning', fail: 'danger' } as const;

/**
 * 一公开 at a glance: the latest inspection's result and day, and 整改中 while a rectification is
 * open. `labelled` puts 最近检查 in front, where no label stands beside it (a search result).
 */
export function InspectionStatusText({ status, labelled = false }: { status: InspectionStatus; labelled?: boolean }) {
  const { t } = useTranslation();
  const words = t(labelled ? 'supervision.public.latest' : 'supervision.public.result', {
    result: t(`supervision.overall.${status.result}`),
    date: status.date,
  });
  return (
    <Typography.Text type={status.rectifying ? 'warning' : TONE[status.result]} data-testid="inspection-status">
      {status.rectifying ? `${words} · ${t('supervision.public.notRectified')}` : words}
    </Typography.Text>
  );
}
