import * as OTPAuth from 'otpauth';

function totpFor(secretBase32: string, label: string) {
  return new OTPAuth.TOTP({
    issuer: 'tuoyu 托育',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpUri(secretBase32: string, label: string): string {
  return totpFor(secretBase32, label).toString();
}

/** Accepts the current code and one step either side, for clocks a little apart. */
export function checkTotp(secretBase32: string, token: string, now: Date): boolean {
  return totpFor(secretBase32, 'check').validate({ token, window: 1, timestamp: now.getTime() }) !== null;
}

export function currentTotp(secretBase32: string, now: Date): string {
  return totpFor(secretBase32, 'check').generate({ timestamp: now.getTime() });
}
