import { z } from 'zod';
import { APPOINTED_ROLES } from '../../../domain/access/appointments.ts';
import { ROLES } from '../../../domain/access/roles.ts';
import { isMobilePhone } from '../../../domain/identity/phone.ts';

export const Phone = z.string().trim().refine(isMobilePhone, { message: 'phone.invalid' });

export const LoginRequest = z.object({
  phone: Phone,
  password: z.string().min(1).max(200),
  totp: z
    .string()
    .regex(/^\d{6}$/, { message: 'totp.format' })
    .optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const PersonName = z.string().trim().min(1).max(100);
const SmsCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: 'code.format' });
/** Length and the common-password check need the phone number too: the service makes them. */
const NewPassword = z.string().max(200);

export const CodeRequest = z.object({ phone: Phone, purpose: z.enum(['register', 'reset_password', 'invitation', 'complaint']) });
export const RegisterRequest = z.object({ phone: Phone, code: SmsCode, name: PersonName, password: NewPassword });
export const PasswordResetRequest = z.object({ phone: Phone, code: SmsCode, password: NewPassword });

export const RoleGrantView = z.object({
  role: z.enum(ROLES),
  divisionCode: z.string().optional(),
  divisionName: z.string().optional(),
  institutionId: z.string().optional(),
  institutionName: z.string().optional(),
  institutionFiled: z
    .boolean()
    .optional()
    .describe('Whether the institution has ever been filed (备案); until then its staff see only its record and filing'),
});

export const Me = z.object({
  id: z.string(),
  phone: z.string(),
  name: z.string(),
  roles: z.array(RoleGrantView),
  totpEnabled: z.boolean(),
});
export type Me = z.infer<typeof Me>;
/** Who this browser is signed in as: `user` is null for a visitor without a (live) session. */
export const Session = z.object({ user: Me.nullable() });

export const TotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const TotpConfirm = z.object({ code: z.string().regex(/^\d{6}$/, { message: 'totp.format' }) });
/** The current code, needed only when a second factor is already on; an empty body is `{}`. */
export const TotpSetupRequest = z.preprocess((body) => body ?? {}, TotpConfirm.partial());

/** A role an appointment grants: city or district official, with the division they oversee. */
export const AppointedRoleGrant = z.object({
  role: z.enum(APPOINTED_ROLES),
  divisionCode: z
    .string()
    .regex(/^[0-9]{6}$/, { message: 'division.code' })
    .describe('The city (city_official) or district (district_official)'),
});

export const CreateAccountRequest = z
  .object({ phone: Phone, name: PersonName, roles: z.array(AppointedRoleGrant).min(1).max(10) })
  .describe('An official’s account; they set their password with an SMS code (the forgotten-password flow)');

export const AccountSearchQuery = z.object({
  q: z.string().trim().min(1).max(50).optional().describe('Part of a phone number or a name'),
});

export const AccountView = z.object({
  id: z.uuid(),
  phone: z.string(),
  name: z.string(),
  roles: z.array(RoleGrantView.extend({ id: z.uuid() })),
  disabled: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AccountView = z.infer<typeof AccountView>;

export const AccountList = z.object({ items: z.array(AccountView) });
export const AccountParams = z.object({ id: z.uuid({ message: 'id.invalid' }) });
export const AccountRoleParams = z.object({ id: z.uuid({ message: 'id.invalid' }), roleId: z.uuid({ message: 'id.invalid' }) });
