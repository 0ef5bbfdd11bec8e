import { COMMON_PASSWORDS } from './commonPasswords.ts';

export const MIN_PASSWORD_LENGTH = 8;

export type PasswordProblem = 'password.too_short' | 'password.is_phone' | 'password.too_common';

/**
 * Why a password chosen by a person would be easy to guess, or null. Length and a list of the
 * most used passwords rather than rules about character classes (NIST SP 800-63B §5.1.1.2),
 * and never the phone number, which is the sign-in name.
 */
export function passwordProblem(password: string, phone: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'password.too_short';
  if (password.includes(phone)) return 'password.is_phone';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'password.too_common';
  return null;
}
