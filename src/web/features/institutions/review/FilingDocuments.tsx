import { FilePdfOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Image, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DiffDocument } from '../../../../domain/institutions/filingDiff.ts';
import { id } from '../../../api/client';

type Document = DiffDocument & { contentType?: string };

const fileHref = (institutionId: string, fileId: string) => `/api/v1/institutions/${id(institutionId)}/files/${id(fileId)}`;

/** A document opens in a new tab: the server serves it inline, a PDF in the browser's viewer. */
export function DocumentLink({ institutionId, document: d }: { institutionId: string; document: Document }) {
  return (
    <Typography.Link href={fileHref(institutionId, d.id)} target="_blank" rel="noopener" data-testid="document-link">
      {d.filename}
    </Typography.Link>
  );
}

/**
 * The documents the filing carries, by what each proves. Images show at once (click to
 * enlarge); PDFs open in a new tab. Both come from the same scoped route.
 */
export function FilingDocuments({ institutionId, documents }: { institutionId: string; documents: Document[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('institutions.documents')} data-testid="filing-documents">
      {documents.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('institutions.noDocuments')} />}
      <Flex vertical gap={12}>
        {documents.map((d) => (
          <Flex key={d.id} gap={12} align="center" wrap data-testid="filing-document">
            {d.contentType?.startsWith('image/') ? (
              <Image src={fileHref(institutionId, d.id)} alt={d.filename} width={96} height={96} style={{ objectFit: 'cover' }} />
            ) : (
              <FilePdfOutlined style={{ fontSize: 32 }} aria-hidden />
            )}
            <Flex vertical>
              <Typography.Text strong>{t(`institutions.doc.${d.documentType ?? 'other'}`)}</Typography.Text>
              <DocumentLink institutionId={institutionId} document={d} />
            </Flex>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
