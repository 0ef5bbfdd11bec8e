import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';

/**
 * `__Host-` makes browsers refuse the cookie unless it is Secure, host-only and for path `/`, so a
 * sibling subdomain cannot plant or overwrite it. Plain-HTTP development keeps the bare name,
 * which browsers would otherwise drop.
 */
export function sessionCookie(config: Pick<Config, 'cookieSecure'>) {
  return {
    name: config.cookieSecure ? '__Host-tuoyu_session' : 'tuoyu_session',
    options: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure } as const,
  };
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored by the token's hash: the table alone cannot be replayed as cookies. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
