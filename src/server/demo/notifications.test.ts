import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '../platform/notifications/catalog.ts';
import { DEMO_NEWS } from './notifications.ts';

describe('the demo bell', () => {
  it('holds only kinds the account’s role receives, none of which goes by SMS', () => {
    const misfits = Object.entries(DEMO_NEWS).flatMap(([role, events]) =>
      events.flatMap((e) => {
        const kind = NOTIFICATION_KINDS[e.kind];
        return (kind.for as readonly string[]).includes(role) && !kind.sms ? [] : [`${role}: ${e.kind}`];
      }),
    );
    expect(misfits).toEqual([]);
  });
});
