import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, type DescriptionsProps, Flex, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportKind } from './api';
import { useImportFile } from './queries';

/** The server reports each bad row with its line; the admin sees them all at once. */
/** What a city has imported, in two columns on a wide screen. */
export function ImportSummary({ testId, items }: { testId: string; items: DescriptionsProps['items'] }) {
  return <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }} data-testid={testId} items={items} />;
}

export function problemsOf(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: { line?: unknown; message?: unknown }) =>
    typeof d.message === 'string' ? [typeof d.line === 'number' ? `${d.line}: ${d.message}` : d.message] : [],
  );
}

function ImportOne({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const run = useImportFile(kind);
  return (
    <Flex vertical gap={8} style={{ flex: 1, minWidth: 260 }} data-testid={`import-${kind}`}>
      <Typography.Text strong>{t(`divisions.import.${kind}.title`)}</Typography.Text>
      <Typography.Text type="secondary">{t(`divisions.import.${kind}.columns`)}</Typography.Text>
      <Upload accept=".csv,.xlsx" maxCount={1} showUploadList={false} customRequest={({ file }) => run.mutate(file as File)}>
        <Button icon={<UploadOutlined />} loading={run.isPending}>
          {t('divisions.import.choose')}
        </Button>
      </Upload>
      {run.isSuccess && <Alert type="success" showIcon title={t('divisions.import.done', { count: run.data.imported })} />}
      {run.isError && (
        <Alert
          type="error"
          showIcon
          title={run.error.message}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {problemsOf(run.error.details).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          }
        />
      )}
    </Flex>
  );
}

/** The admin's imports: all rows of a file or none, each bad row named with its line. */
export function ImportCard() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('divisions.import.title')} style={{ marginBottom: 16 }}>
      <Flex wrap gap={24}>
        <ImportOne kind="population" />
        <ImportOne kind="referencePoints" />
      </Flex>
    </Card>
  );
}
