import { Alert, Button, Card, Col, Flex, Form, Input, message, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { parseYuanInput } from '../../../../domain/money/fen.ts';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { RolePageProps } from '../../../components/RoleShell';
import { showFieldErrors } from '../../../components/showFieldErrors';
import { ApplicationFacts, ApplicationFiles, ApplicationHistory, returnNote, StatusTag } from './ApplicationParts';
import { AmountInput } from './ApplyForm';
import type { ApplicationAction, SubsidyApplication } from './api';
import { yuanText } from './format';
import { useApplication, useApplicationAction } from './queries';

/** The review steps this page offers; the director's own steps (resubmit, withdraw) are not for officials. */
const REVIEW_ACTIONS: readonly ApplicationAction[] = ['district_approve', 'city_approve', 'district_return', 'city_return'];
const RETURNS: readonly ApplicationAction[] = ['district_return', 'city_return'];

/** One application with everything a reviewer needs to decide it, and the steps the server allows. */
export function ReviewDetail({ base }: RolePageProps) {
  const { t } = useTranslation();
  const { applicationId = '' } = useParams();
  const application = useApplication(applicationId);
  if (application.isPending) return <PageLoading />;
  if (application.isError) return <LoadError error={application.error} onRetry={() => void application.refetch()} />;
  const a = application.data;
  const reason = returnNote(a);

  return (
    <Flex vertical gap={16}>
      <Link to={`${base}/subsidy-applications`}>{t('subsidyApplications.backToQueue')}</Link>
      <Flex vertical gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {a.institutionName}
        </Typography.Title>
        <Flex gap={8} wrap>
          <StatusTag status={a.status} />
          <Tag>{t(`subsidyApplications.kind.${a.kind}`)}</Tag>
        </Flex>
      </Flex>
      {reason && <Alert type="warning" showIcon title={t('subsidyApplications.returnedBecause')} description={reason} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <ApplicationFacts application={a} />
            <Card size="small" title={t('subsidyApplications.files')}>
              <ApplicationFiles application={a} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Decision application={a} />
            <Card size="small" title={t('subsidyApplications.history')}>
              <ApplicationHistory application={a} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

type DecisionValues = { note: string; amountYuan: string };

function Decision({ application: a }: { application: SubsidyApplication }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DecisionValues>();
  const act = useApplicationAction();
  const [error, setError] = useState<string[] | null>(null);
  const offered = REVIEW_ACTIONS.filter((action) => a.allowedActions.includes(action));
  if (offered.length === 0) return null;

  const take = async (action: ApplicationAction) => {
    setError(null);
    const note: string = form.getFieldValue('note')?.trim() ?? '';
    // A return needs its reasons: the director has to know what to correct.
    if (RETURNS.includes(action) && !note) {
      form.setFields([{ name: 'note', errors: [t('subsidyApplications.review.reasonRequired')] }]);
      return;
    }
    if (
      action === 'city_approve' &&
      !(await form.validateFields(['amountYuan']).then(
        () => true,
        () => false,
      ))
    )
      return;
    act.mutate(
      {
        applicationId: a.id,
        input: {
          action,
          ...(note ? { note } : {}),
          ...(action === 'city_approve' ? { amountFen: parseYuanInput(form.getFieldValue('amountYuan')) as number } : {}),
        },
      },
      {
        onSuccess: () => {
          void message.success(t(`subsidyApplications.review.done.${action}`));
          form.resetFields(['note']);
        },
        onError: (e) => setError(showFieldErrors(form, e, { note: 'note', amountFen: 'amountYuan' })),
      },
    );
  };

  return (
    <Card size="small" title={t('subsidyApplications.review.title')} data-testid="decision">
      <Form form={form} layout="vertical" initialValues={{ amountYuan: yuanText(a.suggestedFen ?? a.requestedFen), note: '' }}>
        {offered.includes('city_approve') && <AmountInput name="amountYuan" label={t('subsidyApplications.review.amount')} />}
        <Form.Item label={t('subsidyApplications.review.note')} name="note" extra={t('subsidyApplications.review.noteHint')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        {error && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error[0]} description={error.slice(1).join('；') || undefined} />
        )}
        <Flex gap={8} wrap>
          {offered.map((action) => (
            <Button
              key={action}
              type={RETURNS.includes(action) ? 'default' : 'primary'}
              danger={RETURNS.includes(action)}
              loading={act.isPending && act.variables?.input.action === action}
              disabled={act.isPending}
              onClick={() => void take(action)}
            >
              {t(`subsidyApplications.action.${action}`)}
            </Button>
          ))}
        </Flex>
      </Form>
    </Card>
  );
}
