import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UsableAt as Where } from './api';
import { useDivisions } from './divisions';

/** Where a voucher can be used, in words: the listed institutions, or which kind in which division. */
export function UsableAt({ where }: { where: Where }) {
  const { t } = useTranslation();
  const { names } = useDivisions();
  const division = names.get(where.divisionCode) ?? where.divisionCode;
  return (
    <Typography.Text type="secondary" data-testid="usable-at">
      {where.kind === 'listed'
        ? t('vouchers.usableAt.listed', { names: where.institutions.map((i) => i.name).join('、') })
        : t(`vouchers.usableAt.${where.kind}`, { division })}
    </Typography.Text>
  );
}
