import { Button, Card, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLinkHosts, useSaveLinkHosts } from './queries';

/** The hosts articles may link to without the daily check flagging them; the city keeps the list. */
export function LinkHostsCard() {
  const { t } = useTranslation();
  const hosts = useLinkHosts();
  const save = useSaveLinkHosts();
  const [edited, setEdited] = useState<string[] | undefined>();
  const value = edited ?? hosts.data?.hosts ?? [];
  return (
    <Card size="small" title={t('articles.linkHostsTitle')} data-testid="link-hosts">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('articles.linkHostsHint')}</Typography.Text>
        <Select mode="tags" value={value} onChange={setEdited} loading={hosts.isPending} tokenSeparators={[',', ' ', '，']} open={false} />
        <ErrorAlert error={save.error} />
        <Button
          style={{ alignSelf: 'flex-start' }}
          disabled={edited === undefined}
          loading={save.isPending}
          onClick={() => save.mutate({ hosts: value }, { onSuccess: () => setEdited(undefined) })}
        >
          {t('articles.linkHostsSave')}
        </Button>
      </Flex>
    </Card>
  );
}
