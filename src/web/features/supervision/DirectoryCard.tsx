import { Alert, Button, Card, Flex, Form, type FormInstance, Input, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { showFieldErrors } from '../../components/showFieldErrors';
import { useAddConflict, useAddInspector, useDirectory, useSetInspectorActive } from './queries';

/** A small form's save: cleared when saved, the server's words at their fields when refused. */
function useSaveHandlers(form: FormInstance, fields: Record<string, string>) {
  const [rest, setRest] = useState<string[]>([]);
  const handlers = {
    onSuccess: () => {
      form.resetFields();
      setRest([]);
    },
    onError: (e: Error) => setRest(showFieldErrors(form, e, fields)),
  };
  return { rest, handlers };
}

function AddInspector({ code }: { code: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; phone?: string }>();
  const add = useAddInspector();
  const { rest, handlers } = useSaveHandlers(form, { name: 'name', phone: 'phone' });
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => add.mutate({ divisionCode: code, name: v.name, ...(v.phone ? { phone: v.phone } : {}) }, handlers)}
    >
      <Flex gap={12} wrap>
        <Form.Item name="name" label={t('supervision.directory.name')} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('supervision.directory.phone')} extra={t('supervision.directory.phoneHelp')}>
          <Input inputMode="numeric" maxLength={11} />
        </Form.Item>
      </Flex>
      {rest.length > 0 && <Alert type="error" showIcon message={rest.join(' ')} style={{ marginBottom: 12 }} />}
      <Button htmlType="submit" loading={add.isPending}>
        {t('supervision.directory.add')}
      </Button>
    </Form>
  );
}

function AddConflict({
  inspectors,
  institutions,
}: {
  inspectors: { id: string; name: string }[];
  institutions: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ inspectorId: string; institutionId: string; reason: string }>();
  const add = useAddConflict();
  const { rest, handlers } = useSaveHandlers(form, { institutionId: 'institutionId', reason: 'reason' });
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => add.mutate({ inspectorId: v.inspectorId, input: { institutionId: v.institutionId, reason: v.reason } }, handlers)}
    >
      <Form.Item name="inspectorId" label={t('supervision.directory.inspector')} rules={[{ required: true }]}>
        <Select options={inspectors.map((i) => ({ value: i.id, label: i.name }))} />
      </Form.Item>
      <Form.Item name="institutionId" label={t('supervision.directory.institution')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={institutions.map((i) => ({ value: i.id, label: i.name }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('supervision.directory.reason')} rules={[{ required: true }]}>
        <Input maxLength={500} />
      </Form.Item>
      {rest.length > 0 && <Alert type="error" showIcon message={rest.join(' ')} style={{ marginBottom: 12 }} />}
      <Button htmlType="submit" loading={add.isPending}>
        {t('supervision.directory.addConflict')}
      </Button>
    </Form>
  );
}

/** The district's inspectors with their recorded conflicts; adding either. */
export function DirectoryCard({ code }: { code: string }) {
  const { t } = useTranslation();
  const directory = useDirectory(code);
  const setActive = useSetInspectorActive();
  if (directory.isError) return <ErrorAlert error={directory.error} />;
  const data = directory.data;
  return (
    <Flex vertical gap={12}>
      {setActive.isError && <ErrorAlert error={setActive.error} />}
      <Typography.Text type="secondary">{t('supervision.directory.activeHelp')}</Typography.Text>
      <List
        loading={directory.isPending}
        dataSource={data?.inspectors ?? []}
        renderItem={(i) => (
          <List.Item>
            <Flex vertical gap={4}>
              <span>
                <Typography.Text strong>{i.name}</Typography.Text> {i.linkedUser && <Tag>{t('supervision.directory.linked')}</Tag>}
                {!i.active && <Tag>{t('supervision.directory.inactive')}</Tag>}
              </span>
              <Button
                size="small"
                style={{ alignSelf: 'flex-start' }}
                title={t('supervision.directory.activeHelp')}
                loading={setActive.isPending && setActive.variables?.inspectorId === i.id}
                onClick={() => setActive.mutate({ inspectorId: i.id, active: !i.active })}
                data-testid={`toggle-${i.id}`}
              >
                {t(i.active ? 'supervision.directory.deactivate' : 'supervision.directory.activate')}
              </Button>
              {i.conflicts.map((c) => (
                <Typography.Text type="secondary" key={c.institutionId}>
                  {t('supervision.directory.conflictLine', { institution: c.institutionName, reason: c.reason })}
                </Typography.Text>
              ))}
            </Flex>
          </List.Item>
        )}
      />
      <Card size="small" title={t('supervision.directory.add')}>
        <AddInspector code={code} />
      </Card>
      {data && (
        <Card size="small" title={t('supervision.directory.addConflict')}>
          <AddConflict inspectors={data.inspectors} institutions={data.institutions} />
        </Card>
      )}
    </Flex>
  );
}
