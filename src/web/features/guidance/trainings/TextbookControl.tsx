import { UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../components/feedback';
import { type TrainingDetail, textbookPdfHref } from './api';
import { useUploadTextbook } from './queries';
import { TextbookShare } from './TextbookShare';

/** The training's textbook: a download link for everyone who sees the training; for the center, the upload and sharing another training's. */
export function TextbookControl({ detail, canManage }: { detail: TrainingDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const uploading = useUploadTextbook();
  if (!detail.textbook && !canManage) return null;
  return (
    <Flex vertical gap={8}>
      <Flex gap={12} wrap align="center">
        {detail.textbook && (
          <a href={textbookPdfHref(detail.id)} download data-testid="textbook-pdf">
            {t('trainings.textbookPdf', { filename: detail.textbook.filename })}
          </a>
        )}
        {canManage && (
          <Upload
            accept="application/pdf,.pdf"
            maxCount={1}
            showUploadList={false}
            customRequest={({ file }) =>
              uploading.mutate(
                { trainingId: detail.id, file: file as File },
                {
                  onSuccess: () => void message.success(t('trainings.textbookUploaded')),
                  onError: (err) => void message.error(err.message),
                },
              )
            }
          >
            <Button size="small" icon={<UploadOutlined />} loading={uploading.isPending} data-testid="textbook-upload">
              {t(detail.textbook ? 'trainings.textbookReplace' : 'trainings.textbookUpload')}
            </Button>
          </Upload>
        )}
        {canManage && <Typography.Text type="secondary">{t('trainings.textbookFileHint')}</Typography.Text>}
      </Flex>
      {canManage && <TextbookShare detail={detail} />}
    </Flex>
  );
}
