import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Previous and next with where the parent is. antd's Pagination brings its page-size Select with
 * it (about 50 KB compressed with the virtual list), which the finder never shows.
 */
export function Pager({
  page,
  total,
  pageSize,
  onChange,
}: {
  page: number;
  total: number;
  pageSize: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return null;
  return (
    <Flex justify="center" align="center" gap={12} data-testid="pager">
      <Button size="small" disabled={page <= 1} onClick={() => onChange(page - 1)}>
        {t('search.previousPage')}
      </Button>
      <Typography.Text type="secondary" data-testid="pager-position">
        {t('search.pageOf', { page, pages })}
      </Typography.Text>
      <Button size="small" disabled={page >= pages} onClick={() => onChange(page + 1)}>
        {t('search.nextPage')}
      </Button>
    </Flex>
  );
}
