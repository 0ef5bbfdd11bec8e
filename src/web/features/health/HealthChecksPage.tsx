import { Alert, Button, Checkbox, Col, Flex, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInShanghai } from '../../../domain/dates/shanghai.ts';
import { ApiError } from '../../api/client';
import { TextField } from '../../components/Field';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { Panel } from '../../components/Panel';
import type { Bilingual, HealthCheckStatus, HealthCheckVisit, WarningSignChecklist } from './api';
import { fieldOfPath } from './growth';
import { useAssessWarningSigns, useHealthCheckSchedule, useWarningSigns } from './queries';

type Lang = keyof Bilingual;

const STATUS_COLOR: Record<HealthCheckStatus, string> = {
  done: 'success',
  due: 'processing',
  overdue: 'warning',
  missed: 'default',
  upcoming: 'default',
};

/** The server's field error for the birth date, if that is what went wrong. */
function birthDateError(error: Error | null): string | undefined {
  const details =
    error instanceof ApiError && Array.isArray(error.details) ? (error.details as Array<{ path?: unknown; message?: unknown }>) : [];
  const hit = details.find((d) => typeof d.path === 'string' && fieldOfPath(d.path, ['birthDate']) === 'birthDate');
  return typeof hit?.message === 'string' ? hit.message : undefined;
}

/**
 * "From … to …" with each date kept on one line: a phone must not break 2025-01-17 at its hyphens.
 * The message marks the dates as <date>…</date>; split here rather than by react-i18next's Trans,
 * whose parser (4 KB brotli) would be the only one on this family page.
 */
function VisitWindow({ visit }: { visit: HealthCheckVisit }) {
  const { t } = useTranslation();
  const parts = t('checks.window', { start: visit.windowStart, end: visit.windowEnd }).split(/<date>(.*?)<\/date>/);
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <span key={i} style={{ whiteSpace: 'nowrap' }}>
        {part}
      </span>
    ) : (
      part
    ),
  );
}

function VisitItem({
  visit,
  isNext,
  lang,
  onDone,
}: {
  visit: HealthCheckVisit;
  isNext: boolean;
  lang: Lang;
  onDone: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  // Only a visit still open can move the "next" one on; a public page has no record of the real date.
  const canMark = visit.status === 'due' || visit.status === 'overdue' || visit.status === 'done';
  return (
    <li
      data-testid={`visit-${visit.key}`}
      data-next={isNext || undefined}
      style={{
        listStyle: 'none',
        padding: '10px 12px',
        borderRadius: 8,
        marginBottom: 8,
        border: isNext ? '2px solid #1677ff' : '1px solid #f0f0f0',
        background: isNext ? '#e6f4ff' : '#fff',
      }}
    >
      <Flex justify="space-between" align="center" gap={8} wrap>
        <span>
          <Typography.Text strong>{visit.name[lang]}</Typography.Text>
          {isNext && (
            <Tag color="blue" style={{ marginInlineStart: 8 }}>
              {t('checks.nextTag')}
            </Tag>
          )}
        </span>
        <Tag color={STATUS_COLOR[visit.status]} style={{ marginInlineEnd: 0 }}>
          {t(`checks.status.${visit.status}`)}
        </Tag>
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block' }}>
        <VisitWindow visit={visit} />
      </Typography.Text>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {visit.place[lang]}
        </Typography.Text>
        {canMark && (
          <Checkbox checked={visit.status === 'done'} onChange={(e) => onDone(e.target.checked)}>
            {t('checks.markDone')}
          </Checkbox>
        )}
      </Flex>
    </li>
  );
}

function NextVisit({ visit, lang }: { visit: HealthCheckVisit | null; lang: Lang }) {
  const { t } = useTranslation();
  if (!visit) return <Alert type="success" showIcon title={t('checks.noneLeft')} style={{ marginBottom: 16 }} />;
  const late = visit.status === 'overdue';
  return (
    <Alert
      type={late ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="next-visit"
      title={t(late ? 'checks.nextOverdue' : 'checks.next', { name: visit.name[lang] })}
      description={
        <>
          <div>
            <VisitWindow visit={visit} />
          </div>
          <div>{visit.place[lang]}</div>
          {late && <div>{t('checks.overdueHelp')}</div>}
        </>
      }
    />
  );
}

function WarningSignsCard({ checklist, lang }: { checklist: WarningSignChecklist; lang: Lang }) {
  const { t } = useTranslation();
  const assess = useAssessWarningSigns();
  const [ticked, setTicked] = useState<string[]>([]);
  const result = assess.data;

  return (
    <Panel title={t('signs.title', { age: checklist.label[lang] })} testId="warning-signs">
      <Typography.Paragraph type="secondary">{t('signs.lead')}</Typography.Paragraph>
      <Checkbox.Group
        value={ticked}
        onChange={(values) => {
          setTicked(values as string[]);
          assess.reset();
        }}
        style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
      >
        {checklist.signs.map((sign) => (
          <Checkbox key={sign.id} value={sign.id} data-testid={`sign-${sign.id}`} style={{ alignItems: 'flex-start' }}>
            {/* The official wording is Chinese; English readers get it too, with a translation under it. */}
            <span lang="zh-CN">{sign.text['zh-CN']}</span>
            {lang === 'en' && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {sign.text.en}
              </Typography.Text>
            )}
          </Checkbox>
        ))}
      </Checkbox.Group>
      <Button
        type="primary"
        size="large"
        style={{ marginTop: 16, minWidth: 160 }}
        loading={assess.isPending}
        onClick={() => assess.mutate({ ageMonths: checklist.ageMonths, ticked })}
      >
        {t('signs.submit')}
      </Button>
      {assess.isError && <Alert type="error" showIcon style={{ marginTop: 16 }} title={assess.error.message} />}
      {result && (
        <Alert
          type={result.referral ? 'error' : 'success'}
          showIcon
          style={{ marginTop: 16, ...(result.referral ? { borderWidth: 2, padding: '16px 20px' } : {}) }}
          data-testid="referral"
          title={
            <Typography.Text strong style={{ fontSize: result.referral ? 18 : 14 }}>
              {result.referral ? t('signs.referralTitle') : t('signs.noneTitle')}
            </Typography.Text>
          }
          description={
            <>
              <div>{result.advice[lang]}</div>
              {result.referral && (
                <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
                  {result.signs.map((sign) => (
                    <li key={sign.id}>{sign.text[lang]}</li>
                  ))}
                </ul>
              )}
            </>
          }
        />
      )}
    </Panel>
  );
}

/** 儿童健康检查 and 发育预警征象: the national schedule and the age's warning signs, from a birth date only. */
export default function HealthChecksPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [typed, setTyped] = useState('');
  const [required, setRequired] = useState(false);
  const [birthDate, setBirthDate] = useState<string | undefined>();
  const [done, setDone] = useState<string[]>([]);
  const schedule = useHealthCheckSchedule(birthDate, done);
  const signs = useWarningSigns(birthDate);
  const today = todayInShanghai(new Date());

  const [showEarlier, setShowEarlier] = useState(false);
  const fieldError = birthDateError(schedule.error) ?? birthDateError(signs.error);
  // Visits before the next one that nothing can change any more: folded away so the next visit
  // and the warning signs are not ten cards down on a phone.
  const visits = schedule.data?.visits ?? [];
  const nextIndex = schedule.data?.next ? visits.findIndex((v) => v.key === schedule.data?.next?.key) : visits.length;
  const earlier = visits.slice(0, nextIndex).filter((v) => v.status === 'missed' || v.status === 'done');
  const otherError = fieldError ? null : (schedule.error ?? signs.error);

  // The window start stands for "done at some point in this visit's window": the server counts a
  // check for the visit whose window it falls in, and this page keeps no dates of its own.
  const markDone = (visit: HealthCheckVisit, isDone: boolean) =>
    setDone((list) => (isDone ? [...list, visit.windowStart].sort() : list.filter((d) => d !== visit.windowStart && d !== visit.doneOn)));

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('checks.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('checks.lead')}</Typography.Paragraph>

      <Panel style={{ marginBottom: 16 }}>
        {/* The page words its own messages; the browser's would be in its language, not the page's. */}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setRequired(!typed);
            if (!typed) return;
            setDone([]);
            setShowEarlier(false);
            setBirthDate(typed);
          }}
        >
          <Flex gap={12} wrap align="start">
            <TextField
              label={t('checks.birthDate')}
              error={required ? t('checks.birthDateRequired') : typed === birthDate ? fieldError : undefined}
              style={{ flex: '1 1 200px', maxWidth: 320, marginBottom: 0 }}
              type="date"
              max={today}
              value={typed}
              onChange={(e) => {
                setTyped(e.target.value);
                setRequired(false);
              }}
            />
            {/* Level with the input, below the label's line (22 px and 8 px under it). */}
            <Button type="primary" htmlType="submit" style={{ marginTop: 30 }}>
              {t('checks.submit')}
            </Button>
          </Flex>
        </form>
      </Panel>

      {otherError && <LoadError error={otherError} />}
      {birthDate && !fieldError && !otherError && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Panel title={t('checks.scheduleTitle')} testId="schedule">
              {schedule.isPending ? (
                <PageLoading />
              ) : schedule.data ? (
                <>
                  <Typography.Paragraph>
                    {t('checks.age', { months: schedule.data.ageMonths, today: schedule.data.today })}
                  </Typography.Paragraph>
                  <NextVisit visit={schedule.data.next} lang={lang} />
                  {earlier.length > 0 && (
                    <Button type="link" style={{ paddingInline: 0, marginBottom: 8 }} onClick={() => setShowEarlier((v) => !v)}>
                      {showEarlier ? t('checks.hideEarlier') : t('checks.showEarlier', { count: earlier.length })}
                    </Button>
                  )}
                  <ol style={{ margin: 0, padding: 0 }}>
                    {schedule.data.visits
                      .filter((visit) => showEarlier || !earlier.includes(visit))
                      .map((visit) => (
                        <VisitItem
                          key={visit.key}
                          visit={visit}
                          lang={lang}
                          isNext={visit.key === schedule.data.next?.key}
                          onDone={(isDone) => markDone(visit, isDone)}
                        />
                      ))}
                  </ol>
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
                    {t('checks.source')}
                  </Typography.Paragraph>
                </>
              ) : null}
            </Panel>
          </Col>
          <Col xs={24} lg={12}>
            {signs.isPending ? (
              <PageLoading />
            ) : signs.data?.checklist ? (
              <WarningSignsCard key={`${birthDate}-${signs.data.checklist.ageMonths}`} checklist={signs.data.checklist} lang={lang} />
            ) : (
              <Alert
                type="info"
                showIcon
                title={t((signs.data?.ageMonths ?? 0) < 3 ? 'signs.tooYoung' : 'signs.tooOld')}
                data-testid="no-checklist"
              />
            )}
          </Col>
        </Row>
      )}
    </>
  );
}
