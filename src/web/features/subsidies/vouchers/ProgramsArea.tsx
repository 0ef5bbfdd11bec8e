import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { RolePageProps } from '../../../components/RoleShell';
import type { Program } from './api';
import { yuan } from './format';
import { PROGRAM_STATUS_COLOR, ProgramDetail } from './ProgramDetail';
import { ProgramForm } from './ProgramForm';
import { usePrograms } from './queries';
import { SettlementsCard } from './SettlementsCard';

/** 补贴券项目: the officials' programs (list, new, one program) and the monthly settlement. */
export default function ProgramsArea(props: RolePageProps) {
  const city = props.grant.role === 'city_official';
  return (
    <Routes>
      <Route index element={<ProgramList {...props} />} />
      {city && <Route path="new" element={<ProgramForm {...props} />} />}
      <Route path=":programId" element={<ProgramDetail {...props} />} />
    </Routes>
  );
}

function ProgramList({ grant, base }: RolePageProps) {
  const { t } = useTranslation();
  const programs = usePrograms();
  const city = grant.role === 'city_official';
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('voucherPrograms.title')}
        </Typography.Title>
        {city && (
          <Link to={`${base}/voucher-programs/new`}>
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-program">
              {t('voucherPrograms.new')}
            </Button>
          </Link>
        )}
      </Flex>
      {!city && <Typography.Text type="secondary">{t('voucherPrograms.readOnly')}</Typography.Text>}
      <Card size="small">
        {programs.isPending ? (
          <PageLoading />
        ) : programs.isError ? (
          <LoadError error={programs.error} onRetry={() => void programs.refetch()} />
        ) : (
          <Table<Program>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={programs.data.items}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('voucherPrograms.empty') }}
            data-testid="programs"
            columns={[
              {
                title: t('voucherPrograms.name'),
                dataIndex: 'name',
                render: (name: string, p) => <Link to={`${base}/voucher-programs/${p.id}`}>{name}</Link>,
              },
              {
                title: t('voucherPrograms.statusLabel'),
                dataIndex: 'status',
                render: (s: Program['status']) => <Tag color={PROGRAM_STATUS_COLOR[s]}>{t(`voucherPrograms.status.${s}`)}</Tag>,
              },
              {
                title: t('voucherPrograms.issuance'),
                dataIndex: 'issuance',
                render: (m: Program['issuance']) => t(`vouchers.issuance.${m}`),
              },
              { title: t('voucherPrograms.faceValue'), dataIndex: 'faceValueFen', align: 'right', render: (fen: number) => yuan(fen) },
              { title: t('voucherPrograms.summary.budgetFen'), dataIndex: 'budgetFen', align: 'right', render: (fen: number) => yuan(fen) },
              {
                title: t('voucherPrograms.summary.outstandingFen'),
                key: 'outstanding',
                align: 'right',
                render: (_, p) => yuan(p.summary.outstandingFen),
              },
              {
                title: t('voucherPrograms.summary.redeemedFen'),
                key: 'redeemed',
                align: 'right',
                render: (_, p) => yuan(p.summary.redeemedFen),
              },
              { title: t('voucherPrograms.validity'), key: 'validity', render: (_, p) => `${p.validFrom} ~ ${p.validTo}` },
            ]}
          />
        )}
      </Card>
      <SettlementsCard canSettle={city} />
    </Flex>
  );
}
