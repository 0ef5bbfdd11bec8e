import type { UploadFile } from 'antd';
import { Alert, Button, Card, Form, Input, Radio, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../components/showFieldErrors';
import type { Inspection, ResultsInput } from './api';
import { shrinkPhoto } from './complaints/photos';
import { useRecordResults } from './queries';

type ItemValues = {
  result: 'pass' | 'fail' | 'not_applicable';
  notes?: string;
  requirement?: string;
  deadline?: string;
  photos?: UploadFile[];
};
const MAX_ITEM_PHOTOS = 3;
type Values = { inspectedOn: string; overall: 'pass' | 'rectify' | 'fail'; summary?: string; items: ItemValues[] };

/** Where each path the server may name is shown: an item's own fields, or its result for an unknown key. */
function fieldsOf(count: number): Record<string, string> {
  const fields: Record<string, string> = { inspectedOn: 'inspectedOn', overall: 'overall', summary: 'summary', items: 'overall' };
  for (let i = 0; i < count; i++) {
    fields[`items.${i}.key`] = `items.${i}.result`;
    for (const f of ['result', 'notes', 'requirement', 'deadline', 'photos']) fields[`items.${i}.${f}`] = `items.${i}.${f}`;
    for (let j = 0; j < MAX_ITEM_PHOTOS + 1; j++) fields[`items.${i}.photos.${j}`] = `items.${i}.photos`;
  }
  return fields;
}

/** The inspector's form on a tablet or phone: one card per checklist item, a rectification for each failure. */
export function ResultsForm({ inspection }: { inspection: Inspection }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const record = useRecordResults();
  const [rest, setRest] = useState<string[]>([]);
  const items = Form.useWatch('items', form) as ItemValues[] | undefined;
  const english = i18n.language.startsWith('en');

  /** Each failed item's photos scaled down to the server's limit; an unreadable one is named at its item. */
  const encodePhotos = async (v: Values) => {
    const encoded: string[][] = [];
    for (const [i, it] of v.items.entries()) {
      const files = it.result === 'fail' ? (it.photos ?? []) : [];
      const photos = await Promise.all(files.map((f) => (f.originFileObj ? shrinkPhoto(f.originFileObj) : null)));
      if (photos.some((p) => p === null)) {
        form.setFields([{ name: ['items', i, 'photos'], errors: [t('supervision.results.photoUnreadable')] }]);
        return null;
      }
      encoded.push(photos as string[]);
    }
    return encoded;
  };

  const submit = async (v: Values) => {
    const photos = await encodePhotos(v);
    if (!photos) return;
    const input: ResultsInput = {
      inspectedOn: v.inspectedOn,
      overall: v.overall,
      ...(v.summary ? { summary: v.summary } : {}),
      items: inspection.checklist.map((c, i) => {
        const it = v.items[i] as ItemValues;
        return {
          key: c.key,
          result: it.result,
          notes: it.notes ?? '',
          ...(it.result === 'fail' ? { requirement: it.requirement ?? '', deadline: it.deadline ?? '' } : {}),
          ...((photos[i] ?? []).length > 0 ? { photos: photos[i] } : {}),
        };
      }),
    };
    record.mutate(
      { inspectionId: inspection.id, input },
      {
        onError: (e) => {
          const { byField, rest: left } = fieldErrorsOf(e, fieldsOf(inspection.checklist.length));
          const name = (path: string) => path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as ['items', number, 'result'];
          form.setFields([...byField].map(([path, errors]) => ({ name: name(path), errors })));
          setRest(left);
        },
      },
    );
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={{ overall: 'pass', items: inspection.checklist.map(() => ({ result: 'pass' })) }}
      data-testid="results-form"
    >
      {inspection.checklist.map((c, i) => (
        <Card key={c.key} size="small" title={english ? c.en : c.zh} style={{ marginBottom: 8 }} data-testid={`item-${c.key}`}>
          <Form.Item name={['items', i, 'result']} style={{ marginBottom: 8 }}>
            <Radio.Group optionType="button" buttonStyle="solid">
              <Radio.Button value="pass">{t('supervision.result.pass')}</Radio.Button>
              <Radio.Button value="fail">{t('supervision.result.fail')}</Radio.Button>
              <Radio.Button value="not_applicable">{t('supervision.result.not_applicable')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item name={['items', i, 'notes']} label={t('supervision.results.notes')} style={{ marginBottom: 8 }}>
            <Input maxLength={1000} />
          </Form.Item>
          {items?.[i]?.result === 'fail' && (
            <>
              <Form.Item name={['items', i, 'requirement']} label={t('supervision.results.requirement')} rules={[{ required: true }]}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
              <Form.Item name={['items', i, 'deadline']} label={t('supervision.results.deadline')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
              <Form.Item
                name={['items', i, 'photos']}
                label={t('supervision.results.photos')}
                extra={t('supervision.results.photosHelp')}
                valuePropName="fileList"
                getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(0, MAX_ITEM_PHOTOS)}
              >
                <Upload listType="picture-card" accept="image/jpeg,image/png" beforeUpload={() => false} data-testid={`photos-${c.key}`}>
                  {(items?.[i]?.photos ?? []).length < MAX_ITEM_PHOTOS ? t('supervision.results.addPhoto') : null}
                </Upload>
              </Form.Item>
            </>
          )}
        </Card>
      ))}
      <Form.Item name="inspectedOn" label={t('supervision.results.inspectedOn')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="overall" label={t('supervision.results.overall')}>
        <Radio.Group>
          <Radio value="pass">{t('supervision.overall.pass')}</Radio>
          <Radio value="rectify">{t('supervision.overall.rectify')}</Radio>
          <Radio value="fail">{t('supervision.overall.fail')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="summary" label={t('supervision.results.summary')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      {rest.length > 0 && <Alert type="error" showIcon message={rest.join(' ')} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={record.isPending} block>
        {t('supervision.results.submit')}
      </Button>
    </Form>
  );
}
