import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me, RoleGrant } from '../features/platform/api';
import { grantKey, ROLE_HOME, rememberActiveGrant, scopeLabel } from '../features/platform/roles';

/** The roles one can switch between, each with its scope; see RoleSwitcher. */
export default function RoleSelect({ me, active }: { me: Me; active: RoleGrant }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = me.roles.map((grant) => {
    const scope = scopeLabel(grant, t);
    return { value: grantKey(grant), label: scope ? `${t(`roles.${grant.role}`)} · ${scope}` : t(`roles.${grant.role}`) };
  });
  const onChange = (key: string) => {
    const grant = me.roles.find((g) => grantKey(g) === key);
    if (!grant) return;
    rememberActiveGrant(grant);
    navigate(ROLE_HOME[grant.role]);
  };
  return (
    <Select
      aria-label={t('roles.switch')}
      value={grantKey(active)}
      options={options}
      onChange={onChange}
      popupMatchSelectWidth={false}
      style={{ minWidth: 160, maxWidth: 260 }}
    />
  );
}
