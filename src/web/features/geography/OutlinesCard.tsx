import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { OutlinesImport } from './api';
import { ImportSummary, problemsOf } from './ImportCard';
import { useDistrictOutlines, useImportOutlines } from './queries';

/** A district's code begins with its city's first four digits (320706 in 320700). */
const inCity = (city: string, code: unknown) => typeof code === 'string' && code.startsWith(city.slice(0, 4));

/**
 * 区县边界 — the city's district outlines for the finder's map: how many are in force and their
 * 审图号; the admin replaces them with a GeoJSON file, every bad feature listed in words.
 */
export function OutlinesCard({ city, name }: { city: string; name: string }) {
  const { t } = useTranslation();
  const outlines = useDistrictOutlines();
  const importing = useImportOutlines(city);
  const [file, setFile] = useState<File>();
  const [approvalNumber, setApprovalNumber] = useState('');
  const [unreadable, setUnreadable] = useState(false);

  if (outlines.isPending) return <PageLoading />;
  if (outlines.isError) return <LoadError error={outlines.error} onRetry={() => void outlines.refetch()} />;
  const districts = outlines.data.outlines.features.filter((f) => inCity(city, (f.properties as { code?: unknown }).code)).length;
  const problems = unreadable
    ? [t('divisions.outlines.unreadable')]
    : importing.isError
      ? [importing.error.message, ...problemsOf(importing.error.details)]
      : [];

  const onImport = async () => {
    if (!file) return;
    setUnreadable(false);
    importing.reset();
    let collection: OutlinesImport['outlines'];
    try {
      collection = JSON.parse(await file.text()) as OutlinesImport['outlines'];
    } catch {
      return setUnreadable(true);
    }
    importing.mutate({ approvalNumber: approvalNumber.trim() || null, source: file.name, outlines: collection });
  };

  return (
    <Card size="small" title={t('divisions.outlines.title', { name })} style={{ marginBottom: 16 }} data-testid="district-outlines">
      <Typography.Paragraph type="secondary">{t('divisions.outlines.lead')}</Typography.Paragraph>
      <ImportSummary
        testId="outlines-summary"
        items={[
          { key: 'count', label: t('divisions.outlines.districts'), children: districts },
          {
            key: 'approval',
            label: t('divisions.outlines.approvalNumber'),
            children: outlines.data.approvalNumbers.join('、') || '—',
          },
        ]}
      />
      <Form layout="vertical" onFinish={() => void onImport()}>
        <Flex wrap gap={8} align="end">
          <Form.Item label={t('divisions.outlines.approvalNumber')} style={{ marginBottom: 8, minWidth: 200 }}>
            <Input
              value={approvalNumber}
              onChange={(e) => setApprovalNumber(e.target.value)}
              placeholder="GS(2024)0650号"
              data-testid="outlines-approval"
            />
          </Form.Item>
          <Form.Item
            label={t('divisions.outlines.file')}
            style={{ marginBottom: 8 }}
            validateStatus={problems.length > 0 ? 'error' : undefined}
          >
            <Upload
              accept=".geojson,.json"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(chosen) => {
                setFile(chosen);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{file ? file.name : t('divisions.outlines.choose')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" disabled={!file} loading={importing.isPending} data-testid="outlines-import">
              {t('divisions.outlines.import')}
            </Button>
          </Form.Item>
        </Flex>
      </Form>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="outlines-problems">
              {problems.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          }
        />
      )}
      {importing.isSuccess && <Alert type="success" showIcon title={t('divisions.outlines.done')} />}
    </Card>
  );
}
