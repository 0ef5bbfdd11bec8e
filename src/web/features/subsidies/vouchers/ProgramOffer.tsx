import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useFeedback } from '../../../components/feedback';
import { shanghaiTime } from '../../enrollment/format';
import { type AvailableProgram, claimVoucher } from './api';
import { yuan } from './format';
import { keys } from './queries';
import { UsableAt } from './UsableAt';

/** Why an eligible child has no button: nothing to claim today, or the grant comes by itself. */
function unclaimable(program: AvailableProgram, soldOut: boolean): string {
  if (soldOut) return 'vouchers.soldOut';
  if (program.issuance === 'automatic') return 'vouchers.automatic';
  return program.issuance === 'lottery' ? 'vouchers.lotteryClosed' : 'vouchers.notNow';
}

/** An open program the family may claim from (or apply to), with each child's eligibility and reasons. */
export function ProgramOffer({ program }: { program: AvailableProgram }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const client = useQueryClient();
  const claim = useMutation({
    mutationFn: (childId: string) => claimVoucher(program.id, childId),
    onSuccess: (result) => {
      void message.success(
        result.voucher
          ? t('vouchers.claimed', { name: result.voucher.childName })
          : t('vouchers.applied', { name: result.application?.childName }),
      );
      return client.invalidateQueries({ queryKey: keys.family });
    },
  });
  const lottery = program.issuance === 'lottery';
  // A lottery takes applications beyond the budget: the draw decides who gets one.
  const soldOut = !program.budgetLeft && !lottery;

  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{program.name}</span>}
      extra={<Tag color="blue">{t(`vouchers.issuance.${program.issuance}`)}</Tag>}
      data-testid="available-program"
    >
      <Flex vertical gap={4}>
        <Typography.Text strong>{t('vouchers.perVoucher', { amount: yuan(program.faceValueFen) })}</Typography.Text>
        <Typography.Text>{t('vouchers.programValidity', { from: program.validFrom, to: program.validTo })}</Typography.Text>
        {program.lotteryAt && <Typography.Text>{t('vouchers.lotteryAt', { time: shanghaiTime(program.lotteryAt, true) })}</Typography.Text>}
        <UsableAt where={program.usableAt} />
        {program.description && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true, symbol: t('vouchers.more') }} style={{ margin: 0 }}>
            {program.description}
          </Typography.Paragraph>
        )}
      </Flex>
      <Flex vertical gap={8} style={{ marginTop: 12 }}>
        {program.children.map((child) => (
          <Flex
            key={child.childId}
            justify="space-between"
            align="center"
            gap={8}
            wrap
            data-testid="claim-child"
            data-child={child.childName}
          >
            <Typography.Text strong>{child.childName}</Typography.Text>
            {child.canClaim && !soldOut ? (
              <Button
                type="primary"
                loading={claim.isPending && claim.variables === child.childId}
                disabled={claim.isPending}
                onClick={() => claim.mutate(child.childId)}
                data-testid="claim"
              >
                {t(lottery ? 'vouchers.apply' : 'vouchers.claim')}
              </Button>
            ) : child.eligible ? (
              <Typography.Text type="secondary">{t(unclaimable(program, soldOut))}</Typography.Text>
            ) : (
              <Flex gap={4} wrap>
                {child.reasons.map((reason) => (
                  <Tag key={reason} color={reason === 'limit_reached' ? 'green' : 'orange'}>
                    {/* A lottery application counts against the limit before the draw: it is applied for, not held. */}
                    {lottery && reason === 'limit_reached' ? t('vouchers.alreadyApplied') : t(`vouchers.reason.${reason}`)}
                  </Tag>
                ))}
              </Flex>
            )}
          </Flex>
        ))}
      </Flex>
      <ErrorAlert error={claim.error} style={{ marginTop: 8 }} />
    </Card>
  );
}
