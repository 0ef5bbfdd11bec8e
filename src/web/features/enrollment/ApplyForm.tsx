import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Select, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../components/showFieldErrors';
import type { ChildRecord } from '../children/api';
import { useDivisionTree } from '../geography/queries';
import { useInstitutionSearch, usePublicProfile } from '../institutions/queries';
import { type NewApplicationInput, postApplication } from './api';
import { inDays } from './format';
import { keys } from './queries';

type Values = { childId: string; startDate: string; institutionIds: string[]; siblingAttends: boolean; staffChild: boolean };

/**
 * 申请入托: one child, a wished start date and one to three institutions. The multi-select keeps
 * the order the parent picks them in, which is the order of preference the server ranks by.
 */
/** Body paths the server names → the fields that hold them. */
const APPLY_FIELDS = { childId: 'childId', startDate: 'startDate', institutionIds: 'institutionIds' };

export function ApplyForm({ children, picked: chosen, onDone }: { children: ChildRecord[]; picked?: string; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [district, setDistrict] = useState<string | undefined>();
  const [form] = Form.useForm<Values>();
  const picked = Form.useWatch('institutionIds', form) ?? [];
  const divisions = useDivisionTree();
  const districts = useMemo(
    () =>
      (divisions.data?.tree ?? [])
        .flatMap((node) => (node.level === 'district' ? [node] : node.children.filter((c) => c.level === 'district')))
        .map((d) => ({ value: d.code, label: d.name })),
    [divisions.data],
  );
  // A city has hundreds of institutions: what the parent types is searched on the server (name,
  // pinyin or initials), not among the first page loaded.
  const [keyword, setKeyword] = useState('');
  const institutions = useInstitutionSearch({ division: district, q: keyword.trim() || undefined, pageSize: 50 }, { keepPrevious: true });
  // The institution chosen in the finder may lie outside the district picked here.
  const chosenProfile = usePublicProfile(chosen ?? '', chosen !== undefined);
  // Names of every institution seen, so those picked keep their names when the search moves on.
  const seen = useRef(new Map<string, string>());
  for (const i of institutions.data?.items ?? []) seen.current.set(i.id, i.name);
  if (chosenProfile.data) seen.current.set(chosenProfile.data.id, chosenProfile.data.name);
  const names = seen.current;
  const listed = [
    ...picked.map((id) => ({ id, name: names.get(id) ?? id })),
    ...(chosenProfile.data && !picked.includes(chosenProfile.data.id)
      ? [{ id: chosenProfile.data.id, name: chosenProfile.data.name }]
      : []),
    ...(institutions.data?.items ?? []).filter((i) => i.id !== chosen && !picked.includes(i.id)),
  ];

  const [formError, setFormError] = useState<string[]>([]);
  const apply = useMutation({
    mutationFn: (input: NewApplicationInput) => postApplication(input),
    onMutate: () => setFormError([]),
    onError: (error) => setFormError(showFieldErrors(form, error, APPLY_FIELDS)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.applications });
      form.resetFields();
      onDone();
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        startDate: inDays(0),
        siblingAttends: false,
        staffChild: false,
        childId: children[0]?.id,
        institutionIds: chosen ? [chosen] : undefined,
      }}
      onFinish={(v) =>
        apply.mutate({
          childId: v.childId,
          startDate: v.startDate,
          institutionIds: v.institutionIds,
          siblingAttends: v.siblingAttends,
          staffChild: v.staffChild,
        })
      }
      data-testid="apply-form"
    >
      <Form.Item name="childId" label={t('enrollment.apply.child')} rules={[{ required: true, message: t('enrollment.required') }]}>
        <Select options={children.map((c) => ({ value: c.id, label: c.name }))} data-testid="apply-child" />
      </Form.Item>
      <Form.Item name="startDate" label={t('enrollment.apply.startDate')} rules={[{ required: true, message: t('enrollment.required') }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item label={t('enrollment.apply.district')}>
        <Select allowClear value={district} onChange={setDistrict} options={districts} placeholder={t('enrollment.apply.allDistricts')} />
      </Form.Item>
      <Form.Item
        name="institutionIds"
        label={t('enrollment.apply.institutions')}
        extra={t('enrollment.apply.institutionsHelp')}
        rules={[{ required: true, message: t('enrollment.apply.institutionsRequired') }]}
      >
        <Select
          mode="multiple"
          maxCount={3}
          showSearch={{ filterOption: false, onSearch: setKeyword }}
          loading={institutions.isFetching}
          options={listed.map((i) => ({ value: i.id, label: i.name }))}
          data-testid="apply-institutions"
        />
      </Form.Item>
      {picked.length > 0 && (
        <ol data-testid="apply-order" style={{ paddingLeft: 20, marginTop: -8 }}>
          {picked.map((id) => (
            <li key={id}>
              <Typography.Text>{names.get(id) ?? id}</Typography.Text>
            </li>
          ))}
        </ol>
      )}
      <Form.Item name="siblingAttends" valuePropName="checked">
        <Checkbox>{t('enrollment.apply.sibling')}</Checkbox>
      </Form.Item>
      <Form.Item name="staffChild" valuePropName="checked">
        <Checkbox>{t('enrollment.apply.staffChild')}</Checkbox>
      </Form.Item>
      {formError.length > 0 && (
        <Alert type="error" showIcon title={formError.join('；')} data-testid="apply-error" style={{ marginBottom: 12 }} />
      )}
      <Button type="primary" htmlType="submit" loading={apply.isPending} block>
        {t('enrollment.apply.submit')}
      </Button>
    </Form>
  );
}
