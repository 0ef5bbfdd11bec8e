import { useMutation } from '@tanstack/react-query';
import { Card, List, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentType } from '../../../../domain/institutions/vocabulary.ts';
import { type InstitutionRecord, uploadInstitutionFile } from '../api';
import { FormError } from './FormError';
import { useSaved } from './useDirectorSave';

/** The id of a document type's upload, where the filing checklist's links lead. */
export const documentInputId = (type: DocumentType) => `document-${type}`;

/** The filing documents uploaded, and an upload for each type. */
export function DocumentsCard({ record }: { record: InstitutionRecord }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string[]>([]);
  const upload = useMutation({
    mutationFn: (v: { documentType: DocumentType; file: File }) => uploadInstitutionFile(record.id, 'document', v.documentType, v.file),
    onMutate: () => setError([]),
    onSuccess: useSaved(record.id),
    onError: (e: Error) => setError([e.message]),
  });
  return (
    <Card title={t('institutions.documents')} id="director-documents">
      <List
        size="small"
        dataSource={record.documents}
        renderItem={(d) => <List.Item key={d.id}>{`${t(`institutions.doc.${d.documentType ?? 'other'}`)} · ${d.filename}`}</List.Item>}
      />
      <FormError messages={error} />
      <Space direction="vertical">
        {DocumentType.map((type) => (
          <label key={type}>
            {t(`institutions.doc.${type}`)}{' '}
            <input
              id={documentInputId(type)}
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              aria-label={t(`institutions.doc.${type}`)}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) upload.mutate({ documentType: type, file });
                e.target.value = '';
              }}
            />
          </label>
        ))}
      </Space>
    </Card>
  );
}
