import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, List, message, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ClassType } from '../../../domain/classes/classTypes.ts';
import { allowedFilingActions } from '../../../domain/institutions/filingWorkflow.ts';
import { DocumentType } from '../../../domain/institutions/vocabulary.ts';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { RolePageProps } from '../../components/RoleShell';
import {
  type FactsPatch,
  patchInstitution,
  postInstitutionClass,
  postInstitutionStaff,
  postInstitutionTransition,
  type StaffRole,
  uploadInstitutionFile,
} from './api';
import { keys, useInstitutionRecord } from './queries';

/** The director's own institution: its record, key facts, classes, staff, documents and the filing. */
export default function DirectorArea({ grant }: RolePageProps) {
  const { t } = useTranslation();
  const institutionId = grant.institutionId ?? '';
  const client = useQueryClient();
  const record = useInstitutionRecord(institutionId);
  const refresh = () => client.invalidateQueries({ queryKey: keys.record(institutionId) });
  const done = () => {
    void message.success(t('institutions.saved'));
    return refresh();
  };
  const fail = (e: Error) => void message.error(e.message);
  const patch = useMutation({ mutationFn: (p: FactsPatch) => patchInstitution(institutionId, p), onSuccess: done, onError: fail });
  const addClass = useMutation({
    mutationFn: (v: { classType: ClassType; name: string; capacity: number; caregiverId?: string }) =>
      postInstitutionClass(institutionId, {
        classType: v.classType,
        name: v.name,
        capacity: v.capacity,
        caregiverIds: v.caregiverId ? [v.caregiverId] : [],
      }),
    onSuccess: done,
    onError: fail,
  });
  const addStaff = useMutation({
    mutationFn: (v: { name: string; role: StaffRole; expiresOn?: string }) =>
      postInstitutionStaff(institutionId, {
        name: v.name,
        role: v.role,
        // A caregiver counts only with a valid qualification and health certificate, so both are entered together.
        certificates:
          v.role === 'caregiver' && v.expiresOn ? [{ kind: 'health', expiresOn: v.expiresOn }, { kind: 'caregiver_qualification' }] : [],
      }),
    onSuccess: done,
    onError: fail,
  });
  const upload = useMutation({
    mutationFn: (v: { documentType: DocumentType; file: File }) => uploadInstitutionFile(institutionId, 'document', v.documentType, v.file),
    onSuccess: done,
    onError: fail,
  });
  const submit = useMutation({
    mutationFn: () => postInstitutionTransition(institutionId, { action: 'submit' }),
    onSuccess: done,
    onError: fail,
  });

  if (record.isPending) return <PageLoading />;
  if (record.isError) return <LoadError error={record.error} onRetry={() => void record.refetch()} />;
  const r = record.data;
  // The workflow table decides which buttons exist; the server's allowedActions confirms them for this user.
  const canSubmit =
    allowedFilingActions(r.status, ['institution_admin'], r.hasFiledVersion).includes('submit') && r.allowedActions.includes('submit');
  const caregivers = r.staff.filter((s) => s.role === 'caregiver');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2}>{r.facts.name}</Typography.Title>
      <Space wrap>
        <Tag data-testid="institution-status">{t(`institutions.status.${r.status}`)}</Tag>
        {r.filingNumber && <Typography.Text>{t('institutions.filingNumberIs', { number: r.filingNumber })}</Typography.Text>}
      </Space>
      {r.statusReason && <Alert type="warning" showIcon message={t('institutions.reason')} description={r.statusReason} />}

      <Card title={t('institutions.keyFacts')}>
        <Form
          layout="vertical"
          initialValues={{ ...r.facts, fee: r.facts.monthlyFeeYuan }}
          onFinish={(v) =>
            patch.mutate({
              name: v.name,
              creditCode: v.creditCode || undefined,
              address: v.address || undefined,
              indoorAreaM2: v.indoorAreaM2 ?? undefined,
              outdoorAreaM2: v.outdoorAreaM2 ?? undefined,
              monthlyFeeYuan: Object.fromEntries(ClassType.filter((c) => typeof v.fee?.[c] === 'number').map((c) => [c, v.fee[c]])),
            })
          }
        >
          <Form.Item label={t('institutions.name')} name="name">
            <Input />
          </Form.Item>
          <Form.Item label={t('institutions.creditCode')} name="creditCode">
            <Input />
          </Form.Item>
          <Form.Item label={t('institutions.address')} name="address">
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item label={t('institutions.indoorArea')} name="indoorAreaM2">
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item label={t('institutions.outdoorArea')} name="outdoorAreaM2">
              <InputNumber min={0} />
            </Form.Item>
            {ClassType.map((c) => (
              <Form.Item key={c} label={t('institutions.feeFor', { type: t(`institutions.classType.${c}`) })} name={['fee', c]}>
                <InputNumber min={0} />
              </Form.Item>
            ))}
          </Space>
          <Button htmlType="submit" loading={patch.isPending}>
            {t('institutions.saveFacts')}
          </Button>
        </Form>
      </Card>

      <Card title={t('institutions.staff')}>
        <List
          size="small"
          dataSource={r.staff}
          renderItem={(s) => <List.Item key={s.id}>{`${s.name} · ${t(`institutions.role.${s.role}`)}`}</List.Item>}
        />
        <Form layout="inline" onFinish={(v) => addStaff.mutate(v)} aria-label={t('institutions.addStaff')}>
          <Form.Item label={t('institutions.staffName')} name="name" rules={[{ required: true, message: t('institutions.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('institutions.staffRole')} name="role" initialValue="caregiver">
            <Select
              style={{ width: 120 }}
              options={['director', 'caregiver', 'health_worker', 'security', 'cook', 'other'].map((v) => ({
                value: v,
                label: t(`institutions.role.${v}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('institutions.healthCertExpires')} name="expiresOn">
            <Input type="date" />
          </Form.Item>
          <Button htmlType="submit" loading={addStaff.isPending}>
            {t('institutions.addStaff')}
          </Button>
        </Form>
      </Card>

      <Card title={t('institutions.classes')}>
        <List
          size="small"
          dataSource={r.classes}
          renderItem={(c) => (
            <List.Item key={c.id}>
              {t('institutions.classLine', {
                name: c.name,
                type: t(`institutions.classType.${c.classType}`),
                capacity: c.capacity,
                vacancies: c.vacancies,
              })}
            </List.Item>
          )}
        />
        <Form layout="inline" onFinish={(v) => addClass.mutate(v)} aria-label={t('institutions.addClass')}>
          <Form.Item label={t('institutions.className')} name="name" rules={[{ required: true, message: t('institutions.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('institutions.classTypeLabel')} name="classType" initialValue="toddler">
            <Select style={{ width: 120 }} options={ClassType.map((c) => ({ value: c, label: t(`institutions.classType.${c}`) }))} />
          </Form.Item>
          <Form.Item label={t('institutions.capacity')} name="capacity" initialValue={10}>
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item label={t('institutions.caregiver')} name="caregiverId">
            <Select allowClear style={{ width: 140 }} options={caregivers.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
          <Button htmlType="submit" loading={addClass.isPending}>
            {t('institutions.addClass')}
          </Button>
        </Form>
      </Card>

      <Card title={t('institutions.documents')}>
        <List
          size="small"
          dataSource={r.documents}
          renderItem={(d) => <List.Item key={d.id}>{`${t(`institutions.doc.${d.documentType ?? 'other'}`)} · ${d.filename}`}</List.Item>}
        />
        <Space direction="vertical">
          {DocumentType.map((type) => (
            <label key={type}>
              {t(`institutions.doc.${type}`)}{' '}
              <input
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

      <Card title={t('institutions.filing')}>
        {r.compliance.problems.length > 0 && (
          <Alert
            type="warning"
            style={{ marginBottom: 12 }}
            message={t('institutions.problems', { count: r.compliance.problems.length })}
          />
        )}
        {submit.error && (
          <Alert
            type="error"
            style={{ marginBottom: 12 }}
            message={submit.error.message}
            description={JSON.stringify((submit.error as { details?: unknown }).details ?? '')}
          />
        )}
        <Button type="primary" disabled={!canSubmit} loading={submit.isPending} onClick={() => submit.mutate()}>
          {t('institutions.action.submit')}
        </Button>
      </Card>
    </Space>
  );
}
