import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '../features/platform/queries';
import { useFeedback } from './feedback';

export function SignOutButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const logout = useLogout(() => navigate('/login', { replace: true }));
  const onClick = () => logout.mutate(undefined, { onError: (error) => void message.error(error.message) });
  return (
    <Button onClick={onClick} loading={logout.isPending}>
      {t('nav.signOut')}
    </Button>
  );
}
