import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Empty, Image, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../components/showFieldErrors';
import { deleteInstitutionFile, type InstitutionRecord, putPhotoOrder, uploadInstitutionFile } from '../api';
import { FormError } from './FormError';
import { useSaved } from './useDirectorSave';

/** The ids with the photo at `from` swapped with its neighbour `by` places away. */
function moved(ids: string[], from: number, by: -1 | 1): string[] {
  const next = [...ids];
  [next[from], next[from + by]] = [next[from + by] as string, next[from] as string];
  return next;
}

/** Photos for the public page: added, removed and put in order at once (published at once once filed). */
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
  const reorder = useMutation({
    mutationFn: (photoIds: string[]) => putPhotoOrder(record.id, photoIds),
    onMutate: () => setError([]),
    onSuccess: saved,
    // A list the server no longer agrees with (a photo added elsewhere) says so in words.
    onError: (e) => setError(fieldErrorsOf(e, {}).rest),
  });
  const ids = record.photos.map((p) => p.id);
  const busy = remove.isPending || reorder.isPending;
  return (
    <Card title={t('institutions.photos')} id="director-photos">
      {record.photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('institutions.noPhotos')} />
      ) : (
        <Space wrap size="middle" style={{ marginBottom: 12 }}>
          {record.photos.map((p, i) => (
            <Space key={p.id} direction="vertical" size={4} data-testid="photo" data-photo-id={p.id}>
              {/* The record's own download: the public photo address answers only once the institution is filed. */}
              <Image
                width={120}
                height={90}
                style={{ objectFit: 'cover' }}
                src={`/api/v1/institutions/${record.id}/files/${p.id}`}
                alt={p.filename}
              />
              <Space size={4}>
                <Button
                  size="small"
                  icon={<LeftOutlined />}
                  disabled={busy || i === 0}
                  onClick={() => reorder.mutate(moved(ids, i, -1))}
                  aria-label={t('institutions.director.movePhotoEarlier', { name: p.filename })}
                />
                <Button
                  size="small"
                  icon={<RightOutlined />}
                  disabled={busy || i === ids.length - 1}
                  onClick={() => reorder.mutate(moved(ids, i, 1))}
                  aria-label={t('institutions.director.movePhotoLater', { name: p.filename })}
                />
                <Popconfirm
                  title={t('institutions.director.removePhotoConfirm')}
                  okText={t('institutions.director.remove')}
                  cancelText={t('institutions.director.cancel')}
                  onConfirm={() => remove.mutate(p.id)}
                >
                  <Button size="small" danger disabled={busy} aria-label={t('institutions.director.removePhoto', { name: p.filename })}>
                    {t('institutions.director.remove')}
                  </Button>
                </Popconfirm>
                {i === 0 && <Tag color="blue">{t('institutions.director.firstPhoto')}</Tag>}
              </Space>
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
