import { defineWorkflow, type Step } from '../workflow/defineWorkflow.ts';

export const BOOKING_STATUSES = ['confirmed', 'waitlisted', 'offered', 'cancelled', 'expired'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export type BookingAction = 'offer' | 'confirm' | 'expire' | 'cancel';
type Party = 'booker' | 'system';

/**
 * A booking's life: a waiting booker is offered a freed seat by the system, confirms it in time
 * or lets it expire (the seat passes on); the booker may cancel until the session's deadline.
 */
export const BookingWorkflow = defineWorkflow<BookingStatus, BookingAction, Party, Step<BookingStatus, Party>>(BOOKING_STATUSES, {
  confirmed: { cancel: { to: 'cancelled', by: ['booker'] } },
  waitlisted: { offer: { to: 'offered', by: ['system'] }, cancel: { to: 'cancelled', by: ['booker'] } },
  offered: {
    confirm: { to: 'confirmed', by: ['booker'] },
    expire: { to: 'expired', by: ['system'] },
    cancel: { to: 'cancelled', by: ['booker'] },
  },
  cancelled: {},
  expired: {},
});

export type SeatHolder = { id: string; status: BookingStatus; queueNo: number };

/** Seats taken: confirmed bookings and offers still open (an offered seat is kept for its booker). */
export function seatsHeld(bookings: readonly SeatHolder[]): number {
  return bookings.filter((b) => b.status === 'confirmed' || b.status === 'offered').length;
}

function waiting(bookings: readonly SeatHolder[]): SeatHolder[] {
  return bookings.filter((b) => b.status === 'waitlisted').sort((a, b) => a.queueNo - b.queueNo);
}

/**
 * A new booking is confirmed only when a seat is free and nobody waits: a freed seat belongs to
 * the first waiting booker, never to whoever books next.
 */
export function newBookingStatus(seats: number, bookings: readonly SeatHolder[]): 'confirmed' | 'waitlisted' {
  return seatsHeld(bookings) < seats && waiting(bookings).length === 0 ? 'confirmed' : 'waitlisted';
}

/** The waiting bookings to offer a seat now, first come first: one per free seat. */
export function bookingsToOffer(seats: number, bookings: readonly SeatHolder[]): string[] {
  const free = Math.max(0, seats - seatsHeld(bookings));
  return waiting(bookings)
    .slice(0, free)
    .map((b) => b.id);
}

/** 1-based place on the waitlist, or undefined for a booking that does not wait. */
export function waitlistPosition(bookings: readonly SeatHolder[], id: string): number | undefined {
  const index = waiting(bookings).findIndex((b) => b.id === id);
  return index < 0 ? undefined : index + 1;
}
