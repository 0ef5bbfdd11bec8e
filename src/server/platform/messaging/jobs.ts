import type { Deps } from '../../deps.ts';
import type { Job } from '../jobs/scheduler.ts';
import { deliverDue } from './delivery.ts';
import { emailSender, smsSender } from './senders.ts';

/** Sends queued SMS and e-mail every second, so a sign-up code arrives within a couple of seconds. */
export function messagingJobs(deps: Deps): Job[] {
  const senders = { sms: smsSender(deps.config), email: emailSender(deps.config) };
  return [
    {
      name: 'deliver messages',
      everyMs: 1_000,
      run: () => deliverDue(deps.db, senders, deps.clock.now(), { maxAttempts: deps.config.messageMaxAttempts }),
    },
  ];
}
