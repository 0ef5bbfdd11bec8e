import { useQueryClient } from '@tanstack/react-query';
import { message } from 'antd';
import { useTranslation } from 'react-i18next';
import { keys } from '../queries';

/** After a director's save: say so and reload the record, whose compliance may have changed. */
export function useSaved(institutionId: string) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return () => {
    void message.success(t('institutions.saved'));
    return client.invalidateQueries({ queryKey: keys.record(institutionId) });
  };
}
