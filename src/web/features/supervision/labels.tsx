import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const OVERALL_COLOR = { pass: 'success', rectify: 'warning', fail: 'error' } as const;
const STATUS_COLOR = { open: 'processing', submitted: 'gold', accepted: 'success' } as const;

export function OverallTag({ overall }: { overall: 'pass' | 'rectify' | 'fail' | null }) {
  const { t } = useTranslation();
  if (overall === null) return <Tag>{t('supervision.overall.pending')}</Tag>;
  return <Tag color={OVERALL_COLOR[overall]}>{t(`supervision.overall.${overall}`)}</Tag>;
}

export function RectificationTags({ status, overdue }: { status: 'open' | 'submitted' | 'accepted'; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={STATUS_COLOR[status]}>{t(`supervision.status.${status}`)}</Tag>
      {overdue && (
        <Tag color="red" data-testid="overdue">
          {t('supervision.overdue')}
        </Tag>
      )}
    </>
  );
}
