import { subDays } from 'date-fns';
import type { Deps } from '../../deps.ts';
import type { Job } from '../jobs/scheduler.ts';
import { deliverDue } from './delivery.ts';
import { pruneSentMessages } from './outbox.ts';
import { emailSender, smsSender } from './senders.ts';

/**
 * Sends queued SMS and e-mail every second, so a sign-up code arrives within a couple of seconds;
 * hourly, forgets what was sent longer ago than MESSAGE_KEEP_DAYS.
 */
export function messagingJobs(deps: Deps): Job[] {
  const senders = { sms: smsSender(deps.config), email: emailSender(deps.config) };
  return [
    {
      name: 'deliver messages',
      everyMs: 1_000,
      run: (stopping) =>
        deliverDue(deps.db, senders, deps.clock.now(), {
          maxAttempts: deps.config.messageMaxAttempts,
          leaseMs: deps.config.messageLeaseSeconds * 1_000,
          stopping,
        }),
    },
    {
      name: 'prune sent messages',
      everyMs: 3_600_000,
      run: () => pruneSentMessages(deps.db, subDays(deps.clock.now(), deps.config.messageKeepDays)),
    },
  ];
}
