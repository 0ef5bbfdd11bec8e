import * as OTPAuth from 'otpauth';

const PERIOD_MS = 30_000;

function totpFor(secretBase32: string, label: string) {
  return new OTPAuth.TOTP({
    issuer: 'tuoyu 托育',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_MS / 1_000,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, label: string): string {
  return totpFor(secretBase32, label).toString();
}

/**
 * The time step a code belongs to, or null when it matches none. Accepts the current step and
 * one either side, for clocks a little apart; callers refuse a step not newer than the last used.
 */
export function totpStep(secretBase32: string, token: string, now: Date): number | null {
  const delta = totpFor(secretBase32, 'check').validate({ token, window: 1, timestamp: now.getTime() });
  return delta === null ? null : Math.floor(now.getTime() / PERIOD_MS) + delta;
}

export function currentTotp(secretBase32: string, now: Date): string {
  return totpFor(secretBase32, 'check').generate({ timestamp: now.getTime() });
}
