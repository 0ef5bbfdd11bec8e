import { useMutation } from '@tanstack/react-query';
import { Button, Card, Empty, Image, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteInstitutionFile, type InstitutionRecord, uploadInstitutionFile } from '../api';
import { FormError } from './FormError';
import { useSaved } from './useDirectorSave';

/** Photos for the public page: added and removed at once (published at once once filed). */
export function PhotosCard({ record }: { record: InstitutionRecord }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string[]>([]);
  const saved = useSaved(record.id);
  const upload = useMutation({
    mutationFn: (file: File) => uploadInstitutionFile(record.id, 'photo', null, file),
    onMutate: () => setError([]),
    onSuccess: saved,
    onError: (e) => setError([e.message]),
  });
  const remove = useMutation({
    mutationFn: (fileId: string) => deleteInstitutionFile(record.id, fileId),
    onMutate: () => setError([]),
    onSuccess: saved,
    onError: (e) => setError([e.message]),
  });
  return (
    <Card title={t('institutions.photos')} id="director-photos">
      {record.photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('institutions.noPhotos')} />
      ) : (
        <Space wrap size="middle" style={{ marginBottom: 12 }}>
          {record.photos.map((p) => (
            <Space key={p.id} direction="vertical" size={4} data-testid="photo">
              {/* The record's own download: the public photo address answers only once the institution is filed. */}
              <Image
                width={120}
                height={90}
                style={{ objectFit: 'cover' }}
                src={`/api/v1/institutions/${record.id}/files/${p.id}`}
                alt={p.filename}
              />
              <Popconfirm
                title={t('institutions.director.removePhotoConfirm')}
                okText={t('institutions.director.remove')}
                cancelText={t('institutions.director.cancel')}
                onConfirm={() => remove.mutate(p.id)}
              >
                <Button
                  size="small"
                  danger
                  disabled={remove.isPending}
                  aria-label={t('institutions.director.removePhoto', { name: p.filename })}
                >
                  {t('institutions.director.remove')}
                </Button>
              </Popconfirm>
            </Space>
          ))}
        </Space>
      )}
      <FormError messages={error} />
      <Typography.Paragraph type="secondary">{t('institutions.director.photosHint')}</Typography.Paragraph>
      <input
        type="file"
        accept="image/jpeg,image/png"
        aria-label={t('institutions.director.uploadPhoto')}
        disabled={upload.isPending}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate(file);
          e.target.value = '';
        }}
      />
    </Card>
  );
}
