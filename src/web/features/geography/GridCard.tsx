import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Popconfirm, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { formatInstant } from '../../i18n/formatInstant';
import { formatCount } from './format';
import { ImportSummary, problemsOf } from './ImportCard';
import { useImportGrid, usePopulationGrid, useRemoveGrid } from './queries';

/**
 * 人口网格 — the city's population grid: its summary for the admin and city officials; the admin
 * imports a file in place of it (each bad row shown at the file field) or removes it.
 */
export function GridCard({ city, name, editable }: { city: string; name: string; editable: boolean }) {
  const { t } = useTranslation();
  const grid = usePopulationGrid(city);
  const importing = useImportGrid(city);
  const removing = useRemoveGrid(city);

  if (grid.isPending) return <PageLoading />;
  if (grid.isError) return <LoadError error={grid.error} onRetry={() => void grid.refetch()} />;
  const current = grid.data.grid;
  const problems = importing.isError ? [importing.error.message, ...problemsOf(importing.error.details)] : [];

  return (
    <Card size="small" title={t('divisions.grid.title', { name })} style={{ marginBottom: 16 }} data-testid="population-grid">
      <Typography.Paragraph type="secondary">{t('divisions.grid.lead')}</Typography.Paragraph>
      {current ? (
        <ImportSummary
          testId="grid-summary"
          items={[
            { key: 'cells', label: t('divisions.grid.cells'), children: formatCount(current.cells) },
            { key: 'under3', label: t('divisions.grid.under3'), children: formatCount(current.under3) },
            { key: 'at', label: t('divisions.grid.importedAt'), children: formatInstant(current.importedAt) },
            { key: 'by', label: t('divisions.grid.importedBy'), children: current.importedBy.name },
            { key: 'source', label: t('divisions.grid.source'), children: current.source },
          ]}
        />
      ) : (
        <Typography.Paragraph data-testid="grid-none">{t('divisions.grid.none')}</Typography.Paragraph>
      )}
      {editable && (
        <Flex wrap gap={16} align="flex-start">
          <Form layout="vertical" style={{ flex: 1, minWidth: 240 }}>
            <Form.Item
              label={t('divisions.grid.file')}
              validateStatus={importing.isError ? 'error' : undefined}
              help={
                importing.isError ? (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="grid-problems">
                    {problems.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                ) : (
                  t('divisions.grid.columns')
                )
              }
            >
              <Upload accept=".csv,.xlsx" maxCount={1} showUploadList={false} customRequest={({ file }) => importing.mutate(file as File)}>
                <Button icon={<UploadOutlined />} loading={importing.isPending}>
                  {current ? t('divisions.grid.replace') : t('divisions.import.choose')}
                </Button>
              </Upload>
            </Form.Item>
            {importing.isSuccess && importing.data.grid && (
              <Alert type="success" showIcon title={t('divisions.grid.done', { count: importing.data.grid.cells })} />
            )}
          </Form>
          {current && (
            <Popconfirm
              title={t('divisions.grid.removeConfirm')}
              okText={t('divisions.grid.remove')}
              okButtonProps={{ danger: true }}
              onConfirm={() => removing.mutate()}
            >
              <Button danger loading={removing.isPending} data-testid="grid-remove">
                {t('divisions.grid.remove')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      )}
      {removing.isError && <Alert type="error" showIcon title={removing.error.message} />}
    </Card>
  );
}
