import { expect } from 'vitest';

/** Signs in through the API and returns the session cookie, for preparing data and reading back what pages did. */
async function signInCookie(baseUrl: string, phone: string, password = 'tuoyu-demo'): Promise<string> {
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

/**
 * A signed-in API caller: `call(method, url, body?)` answers the parsed body, and throws with the
 * server's answer on anything but 2xx.
 */
export async function apiAs(baseUrl: string, phone: string, password = 'tuoyu-demo') {
  const cookie = await signInCookie(baseUrl, phone, password);
  return async <T>(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { cookie: `${cookie}; lang=zh-CN`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
