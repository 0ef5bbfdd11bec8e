import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { putWaitlistPriorities, WaitlistPriority } from './api';
import { keys } from './queries';

/**
 * 候补优先条件: what the institution states ranks its waitlist, highest first, before the time of
 * application. The multi-select keeps the order the director picks in, which is the rank.
 */
export function WaitlistRule({ institutionId, stated }: { institutionId: string; stated: WaitlistPriority[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<WaitlistPriority[] | null>(null);
  const save = useMutation({
    mutationFn: (priorities: WaitlistPriority[]) => putWaitlistPriorities(institutionId, priorities),
    onSuccess: () => setDraft(null),
    // Positions are worked out from the rule on the server, so the whole board is read again.
    onSettled: () => client.invalidateQueries({ queryKey: keys.board(institutionId) }),
  });

  return (
    <div data-testid="waitlist-rule" style={{ marginBottom: 8 }}>
      <Flex justify="space-between" align="center" gap={4} wrap>
        <Typography.Text strong>{t('enrollment.board.waitlistRule')}</Typography.Text>
        {draft === null && (
          <Button size="small" type="link" onClick={() => setDraft(stated)} data-testid="waitlist-rule-edit">
            {t('enrollment.board.waitlistRuleEdit')}
          </Button>
        )}
      </Flex>
      {draft === null ? (
        stated.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
            {t('enrollment.board.waitlistRuleNone')}
          </Typography.Paragraph>
        ) : (
          <ol style={{ paddingLeft: 20, margin: '4px 0' }} data-testid="waitlist-rule-order">
            {stated.map((p) => (
              <li key={p}>{t(`enrollment.priority.${p}`)}</li>
            ))}
            <li style={{ listStyle: 'none' }}>
              <Typography.Text type="secondary">{t('enrollment.board.waitlistRuleThen')}</Typography.Text>
            </li>
          </ol>
        )
      ) : (
        <Flex vertical gap={6} style={{ marginTop: 4 }}>
          <Select<WaitlistPriority[]>
            mode="multiple"
            value={draft}
            onChange={setDraft}
            placeholder={t('enrollment.board.waitlistRulePick')}
            aria-label={t('enrollment.board.waitlistRule')}
            options={WaitlistPriority.map((p) => ({ value: p, label: t(`enrollment.priority.${p}`) }))}
            // A chosen priority is shown with its rank, so the order saved is the order seen.
            tagRender={({ value, closable, onClose }) => (
              <Tag closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }}>
                {`${draft.indexOf(value as WaitlistPriority) + 1}. ${t(`enrollment.priority.${value}`)}`}
              </Tag>
            )}
            data-testid="waitlist-rule-select"
          />
          <Typography.Text type="secondary">{t('enrollment.board.waitlistRuleHelp')}</Typography.Text>
          <Space>
            <Button type="primary" size="small" loading={save.isPending} onClick={() => save.mutate(draft)}>
              {t('enrollment.board.waitlistRuleSave')}
            </Button>
            <Button
              size="small"
              onClick={() => {
                setDraft(null);
                save.reset();
              }}
            >
              {t('enrollment.cancel')}
            </Button>
          </Space>
        </Flex>
      )}
      {save.isError && <Alert type="error" showIcon title={save.error.message} style={{ marginTop: 6 }} />}
    </div>
  );
}
