import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me, RoleGrant } from '../features/platform/api';
import { scopeLabel } from '../features/platform/roles';
import { Panel } from './Panel';

/** Phone numbers are personal data: show enough to recognise one's own, not enough to copy. */
function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

/** Who is signed in and what part of the system this role covers, on every role home. */
export function SignedInCard({ me, grant }: { me: Me; grant: RoleGrant }) {
  const { t } = useTranslation();
  const staff = grant.role === 'institution_admin' || grant.role === 'caregiver';
  return (
    <Panel title={t('signedIn.title')}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'name', label: t('signedIn.name'), children: me.name },
          { key: 'phone', label: t('signedIn.phone'), children: maskPhone(me.phone) },
          { key: 'role', label: t('signedIn.role'), children: t(`roles.${grant.role}`) },
          {
            key: 'scope',
            label: t(staff ? 'signedIn.institution' : 'signedIn.scope'),
            children: <span data-testid="scope">{scopeLabel(grant, t)}</span>,
          },
        ]}
      />
    </Panel>
  );
}
