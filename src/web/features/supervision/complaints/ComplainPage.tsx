import type { UploadFile } from 'antd';
import { Alert, Button, Card, Flex, Form, Input, Radio, Result, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { COMPLAINT_CATEGORIES } from '../../../../domain/complaints/complaintWorkflow.ts';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import { showFieldErrors } from '../../../components/showFieldErrors';
import { usePublicProfile } from '../../institutions/queries';
import { CodeField, PhoneField, useCodeSender } from '../../platform/PhoneCodeFields';
import { useMe } from '../../platform/queries';
import type { ComplaintInput } from './api';
import { shrinkPhoto } from './photos';
import { useSubmitComplaint } from './queries';

type Values = { category: ComplaintInput['category']; text: string; phone?: string; code?: string; photos?: unknown };
const MAX_PHOTOS = 3;
const FIELDS = { category: 'category', text: 'text', phone: 'phone', code: 'code', institutionId: 'text', photos: 'photos' };

/**
 * 投诉: about one institution, from its public page. Phone first: someone not signed in proves
 * their number with an SMS code; the complaint then goes to the institution's district.
 */
export default function ComplainPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const profile = usePublicProfile(id);
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const sender = useCodeSender(form, 'complaint');
  const submit = useSubmitComplaint();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [problem, setProblem] = useState<string[]>([]);
  const [done, setDone] = useState<{ reference: string } | null>(null);

  if (profile.isPending || me.isPending) return <PageLoading />;
  if (profile.isError) return <LoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  const signedIn = Boolean(me.data);

  const send = async (values: Values) => {
    setProblem([]);
    const encoded = await Promise.all(photos.map((p) => (p.originFileObj ? shrinkPhoto(p.originFileObj) : null)));
    if (encoded.some((p) => p === null)) {
      form.setFields([{ name: 'photos', errors: [t('complaints.form.photoUnreadable')] }]);
      return;
    }
    submit.mutate(
      {
        institutionId: id,
        category: values.category,
        text: values.text,
        ...(signedIn ? {} : { phone: values.phone?.trim(), code: values.code?.trim() }),
        ...(encoded.length > 0 ? { photos: encoded as string[] } : {}),
      },
      { onSuccess: (created) => setDone(created), onError: (error) => setProblem(showFieldErrors(form, error, FIELDS)) },
    );
  };

  if (done)
    return (
      <Result
        status="success"
        title={t('complaints.form.sent')}
        subTitle={t('complaints.form.sentBody', { reference: done.reference })}
        extra={
          signedIn ? (
            <Link to="/family/complaints">{t('complaints.form.follow')}</Link>
          ) : (
            <Typography.Text>
              {t('complaints.form.followBySignUp')} <Link to="/signup">{t('complaints.form.signUp')}</Link>
            </Typography.Text>
          )
        }
        data-testid="complaint-sent"
      />
    );

  return (
    <Flex justify="center" style={{ paddingBlock: 16 }}>
      <Card style={{ width: '100%', maxWidth: 560 }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('complaints.form.title')}
        </Typography.Title>
        <Typography.Paragraph>
          <Typography.Text strong>{profile.data.name}</Typography.Text>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('complaints.form.lead')}</Typography.Paragraph>
        {problem.length > 0 && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem.join('；')} data-testid="complaint-error" />
        )}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={send} data-testid="complaint-form">
          {!signedIn && (
            <>
              <PhoneField />
              <CodeField sender={sender} />
            </>
          )}
          <Form.Item
            name="category"
            label={t('complaints.form.category')}
            rules={[{ required: true, message: t('complaints.form.categoryRequired') }]}
          >
            <Radio.Group>
              <Flex wrap gap={8}>
                {COMPLAINT_CATEGORIES.map((c) => (
                  <Radio.Button key={c} value={c}>
                    {t(`complaints.category.${c}`)}
                  </Radio.Button>
                ))}
              </Flex>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="text"
            label={t('complaints.form.text')}
            rules={[{ required: true, whitespace: true, message: t('complaints.form.textRequired') }]}
          >
            <Input.TextArea rows={5} maxLength={2000} showCount placeholder={t('complaints.form.textPlaceholder')} />
          </Form.Item>
          <Form.Item name="photos" label={t('complaints.form.photos')} extra={t('complaints.form.photosHelp')}>
            <Upload
              listType="picture-card"
              accept="image/jpeg,image/png"
              fileList={photos}
              beforeUpload={() => false}
              onChange={({ fileList }) => setPhotos(fileList.slice(0, MAX_PHOTOS))}
            >
              {photos.length < MAX_PHOTOS ? t('complaints.form.addPhoto') : null}
            </Upload>
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending} data-testid="complaint-submit">
            {t('complaints.form.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
