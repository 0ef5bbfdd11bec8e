import { expect } from 'vitest';

let numbers = 0;
/** A number no demo account has, different for each use in this run; `prefix` keeps test files apart. */
export function newPhone(prefix: '135' | '136' | '137'): string {
  numbers += 1;
  return `${prefix}${String(Date.now() % 1_000_000).padStart(6, '0')}${String(numbers).padStart(2, '0')}`;
}

/** The 6-digit code of the newest SMS to `phone` that carries one, as a tester reads it from the development outbox. */
export async function codeFromOutbox(serverUrl: string, phone: string): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(async () => {
      const res = await fetch(`${serverUrl}/api/v1/dev/outbox?phone=${phone}`);
      const { items } = (await res.json()) as { items: Array<{ body: string }> };
      code = items.map((m) => /\b\d{6}\b/.exec(m.body)?.[0]).find(Boolean);
      return code;
    })
    .toMatch(/^\d{6}$/);
  return code as string;
}
