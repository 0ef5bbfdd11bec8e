import { defineWorkflow } from '../workflow/defineWorkflow.ts';

/**
 * An application names up to three institutions; each choice moves through this table on its
 * own. The web shows buttons from the same table.
 */
export const ChoiceStatus = ['new', 'waitlisted', 'offered', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type ChoiceStatus = (typeof ChoiceStatus)[number];

export const ChoiceAction = ['waitlist', 'offer', 'decline', 'accept', 'decline_offer', 'withdraw', 'expire'] as const;
export type ChoiceAction = (typeof ChoiceAction)[number];

/** Who acts on a choice: the institution, the family, or the system (offer expiry). */
export type ChoiceParty = 'institution' | 'parent' | 'system';

export const ChoiceWorkflow = defineWorkflow<ChoiceStatus, ChoiceAction, ChoiceParty>(ChoiceStatus, {
  new: {
    waitlist: { to: 'waitlisted', by: ['institution'] },
    offer: { to: 'offered', by: ['institution'] },
    decline: { to: 'declined', by: ['institution'] },
    withdraw: { to: 'withdrawn', by: ['parent'] },
  },
  waitlisted: {
    offer: { to: 'offered', by: ['institution'] },
    decline: { to: 'declined', by: ['institution'] },
    withdraw: { to: 'withdrawn', by: ['parent'] },
  },
  offered: {
    accept: { to: 'accepted', by: ['parent'] },
    decline_offer: { to: 'declined', by: ['parent'] },
    withdraw: { to: 'withdrawn', by: ['parent'] },
    expire: { to: 'expired', by: ['system'] },
  },
  accepted: {},
  declined: {},
  withdrawn: {},
  expired: {},
});

/** Choices still in play keep a child's application open. */
export function isOpen(status: ChoiceStatus): boolean {
  return status === 'new' || status === 'waitlisted' || status === 'offered';
}
