import { Alert, Card, Flex, Image, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { shanghaiMinute } from '../../subsidies/applications/format';
import { type Complaint, photoHref } from './api';

export const STATUS_COLOR: Record<Complaint['status'], string> = {
  submitted: 'blue',
  accepted: 'gold',
  escalated: 'purple',
  resolved: 'green',
  rejected: 'default',
};

/**
 * One complaint: status, the deadline it waits on (red once overdue), the text as typed (shown as
 * text, whatever it holds), photos, each step with its reason, and the answer. `children` adds
 * what the reader may do: handle it, or rate it.
 */
export function ComplaintCard({
  complaint: c,
  showInstitution = true,
  children,
}: {
  complaint: Complaint;
  showInstitution?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="complaint"
      style={c.overdue ? { borderColor: '#ff4d4f', borderWidth: 2 } : undefined}
      title={
        <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal' }}>
          <Tag color={STATUS_COLOR[c.status]} style={{ margin: 0 }} data-testid="complaint-status">
            {t(`complaints.status.${c.status}`)}
          </Tag>
          {c.overdue && (
            <Tag color="red" style={{ margin: 0 }} data-testid="overdue">
              {t('complaints.overdue')}
            </Tag>
          )}
          {c.escalated && <Tag style={{ margin: 0 }}>{t('complaints.escalatedTag')}</Tag>}
          <Typography.Text strong>{t(`complaints.category.${c.category}`)}</Typography.Text>
        </Flex>
      }
    >
      <Flex vertical gap={6}>
        {showInstitution && (
          <Typography.Text strong>
            {c.institution.name} · {t('complaints.routedTo', { district: c.district.name })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {t('complaints.reference', { reference: c.reference })} · {shanghaiMinute(c.submittedAt)}
        </Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }} data-testid="complaint-text">
          {c.text}
        </Typography.Paragraph>
        {c.photoIds.length > 0 && (
          <Image.PreviewGroup>
            <Flex gap={8} wrap>
              {c.photoIds.map((photoId) => (
                <Image key={photoId} src={photoHref(c.id, photoId)} width={72} height={72} style={{ objectFit: 'cover' }} alt="" />
              ))}
            </Flex>
          </Image.PreviewGroup>
        )}
        {c.complainant && (
          <Typography.Text>
            {t('complaints.complainant', { name: c.complainant.name ?? t('complaints.publicComplainant'), phone: c.complainant.phone })}
          </Typography.Text>
        )}
        {c.due && (
          <Typography.Text type={c.overdue ? 'danger' : undefined} data-testid="complaint-due">
            {t(c.status === 'submitted' ? 'complaints.acceptBy' : 'complaints.resolveBy', { date: c.due })}
            {c.extended ? ` ${t('complaints.extendedNote')}` : ''}
          </Typography.Text>
        )}
        {c.history.length > 0 && (
          <Timeline
            style={{ marginTop: 8, marginBottom: 0 }}
            items={c.history.map((h) => ({
              children: (
                <Flex vertical>
                  <Typography.Text>
                    {t(`complaints.step.${h.action}`)} · {shanghaiMinute(h.at)}
                  </Typography.Text>
                  {h.note && h.action !== 'resolve' && (
                    <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {h.note}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            }))}
          />
        )}
        {c.answer && (
          <Alert
            type={c.status === 'resolved' ? 'success' : 'warning'}
            data-testid="complaint-answer"
            title={
              c.status === 'resolved'
                ? t(c.upheld ? 'complaints.answerUpheld' : 'complaints.answerNotUpheld')
                : t('complaints.rejectedBecause')
            }
            description={<span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.answer}</span>}
          />
        )}
        {c.inspection && (
          <Alert
            type="info"
            data-testid="complaint-inspection"
            title={t('complaints.inspection.ordered')}
            description={
              c.inspection.overall && c.inspection.inspectedOn
                ? t('complaints.inspection.result', {
                    result: t(`supervision.overall.${c.inspection.overall}`),
                    date: c.inspection.inspectedOn,
                  })
                : t('complaints.inspection.orderedLead')
            }
          />
        )}
        {c.rating !== null && (
          <Typography.Text data-testid="complaint-rating">
            {t('complaints.rated', { score: c.rating })}
            {c.ratingComment ? `：${c.ratingComment}` : ''}
          </Typography.Text>
        )}
        {children}
      </Flex>
    </Card>
  );
}
