import { expect } from 'vitest';

/** Signs in through the API and returns the session cookie, for preparing data and reading back what pages did. */
export async function signInCookie(baseUrl: string, phone: string, password = 'tuoyu-demo'): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password }),
  });
  expect(login.status, `sign-in of ${phone}`).toBe(200);
  return login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
