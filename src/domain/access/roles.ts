/** The roles of product.md §2; the scope each carries is in the comment. */
export const ROLES = [
  'parent', // own children only
  'institution_admin', // one institution
  'caregiver', // one institution
  'district_official', // one district (区县) and its townships
  'city_official', // the city and everything under it
  'admin', // system administration; no child data beyond what audit needs
] as const;

export type Role = (typeof ROLES)[number];

export const OFFICIAL_ROLES: readonly Role[] = ['district_official', 'city_official', 'admin'];
export const INSTITUTION_ROLES: readonly Role[] = ['institution_admin', 'caregiver'];

export type RoleGrant = { role: Role; divisionCode?: string; institutionId?: string };
