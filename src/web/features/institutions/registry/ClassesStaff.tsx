import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Certificate, InstitutionRecord, RecordClass, StaffMember } from '../api';
import { joinList } from './format';

type Props = { record: InstitutionRecord };

/** Rows named by a compliance problem are marked, so the list above can be matched to them. */
function problemCount(record: InstitutionRecord, match: { classId?: string; staffId?: string }) {
  return record.compliance.problems.filter(
    (p) => (match.classId && p.classId === match.classId) || (match.staffId && p.staffId === match.staffId),
  ).length;
}

function ProblemTag({ count }: { count: number }) {
  const { t } = useTranslation();
  return count > 0 ? <Tag color="red">{t('registry.rowProblems', { count })}</Tag> : null;
}

export function ClassesCard({ record }: Props) {
  const { t } = useTranslation();
  const names = new Map(record.staff.map((s) => [s.id, s.name]));
  return (
    <Card title={t('institutions.classes')} size="small">
      <Table<RecordClass>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={record.classes}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('registry.noClasses') }}
        columns={[
          {
            title: t('institutions.className'),
            dataIndex: 'name',
            render: (name: string, c) => (
              <Flex gap={6} wrap>
                {name}
                {c.archived && <Tag>{t('registry.archived')}</Tag>}
                <ProblemTag count={problemCount(record, { classId: c.id })} />
              </Flex>
            ),
          },
          { title: t('institutions.classTypeLabel'), dataIndex: 'classType', render: (c: string) => t(`institutions.classType.${c}`) },
          { title: t('registry.capacity'), dataIndex: 'capacity', align: 'right' },
          { title: t('registry.enrolled'), dataIndex: 'enrolled', align: 'right' },
          { title: t('registry.vacancies'), dataIndex: 'vacancies', align: 'right' },
          {
            title: t('registry.caregivers'),
            dataIndex: 'caregiverIds',
            render: (ids: string[]) =>
              joinList(
                t,
                ids.map((id) => names.get(id) ?? ''),
              ),
          },
        ]}
      />
    </Card>
  );
}

function CertificateLine({ c }: { c: Certificate }) {
  const { t } = useTranslation();
  const kind = t(`registry.certificate.${c.kind}`);
  const until = c.expiresOn ? t('registry.validUntil', { date: c.expiresOn }) : t('registry.noExpiry');
  return (
    <div>
      <Typography.Text type={c.expired ? 'danger' : undefined}>{`${kind} · ${until}`}</Typography.Text>
      {c.expired && (
        <Tag color="red" style={{ marginInlineStart: 6 }}>
          {t('registry.expired')}
        </Tag>
      )}
    </div>
  );
}

export function StaffCard({ record }: Props) {
  const { t } = useTranslation();
  const classNames = new Map(record.classes.map((c) => [c.id, c.name]));
  return (
    <Card title={t('institutions.staff')} size="small">
      <Table<StaffMember>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={record.staff}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('registry.noStaff') }}
        columns={[
          {
            title: t('institutions.staffName'),
            dataIndex: 'name',
            render: (name: string, s) => (
              <Flex gap={6} wrap>
                {name}
                <ProblemTag count={problemCount(record, { staffId: s.id })} />
              </Flex>
            ),
          },
          { title: t('institutions.staffRole'), dataIndex: 'role', render: (r: string) => t(`institutions.role.${r}`) },
          { title: t('institutions.staffResidentId'), dataIndex: 'residentIdMasked', render: (m: string | null | undefined) => m ?? '—' },
          { title: t('registry.class'), dataIndex: 'classId', render: (id: string | null) => (id ? (classNames.get(id) ?? '—') : '—') },
          {
            title: t('registry.qualified'),
            dataIndex: 'qualifiedCaregiver',
            render: (q: boolean, s) =>
              s.role !== 'caregiver' ? '—' : q ? <Tag color="green">{t('registry.yes')}</Tag> : <Tag color="red">{t('registry.no')}</Tag>,
          },
          {
            title: t('registry.certificates'),
            dataIndex: 'certificates',
            render: (cs: Certificate[]) => (cs.length === 0 ? '—' : cs.map((c) => <CertificateLine key={c.id} c={c} />)),
          },
        ]}
      />
    </Card>
  );
}
