import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BookingWorkflow, bookingsToOffer, newBookingStatus, type SeatHolder, seatsHeld, waitlistPosition } from './waitlist.ts';

type Op = { kind: 'book' } | { kind: 'cancel' | 'confirm' | 'expire'; pick: number } | { kind: 'addSeats'; seats: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'book' as const }) },
  fc.record({ kind: fc.constantFrom('cancel' as const, 'confirm' as const, 'expire' as const), pick: fc.nat(50) }),
  fc.record({ kind: fc.constant('addSeats' as const), seats: fc.integer({ min: 1, max: 3 }) }),
);

/** The session as the server keeps it: every change under the session's lock, then freed seats offered. */
function run(initialSeats: number, ops: Op[]) {
  let seats = initialSeats;
  const bookings: SeatHolder[] = [];
  const offeredInOrder: number[] = [];
  const move = (b: SeatHolder, action: Parameters<typeof BookingWorkflow.step>[1]) => {
    const step = BookingWorkflow.step(b.status, action);
    if (step) b.status = step.to;
  };
  const offerFreedSeats = () => {
    const stillWaiting = bookings.filter((b) => b.status === 'waitlisted');
    for (const id of bookingsToOffer(seats, bookings)) {
      const b = bookings.find((x) => x.id === id) as SeatHolder;
      // Never skip: nobody still waiting came before the booking offered the seat.
      expect(stillWaiting.filter((w) => w.status === 'waitlisted' && w.queueNo < b.queueNo)).toEqual([]);
      move(b, 'offer');
      offeredInOrder.push(b.queueNo);
    }
  };
  const among = (status: SeatHolder['status'][], pick: number) => {
    const candidates = bookings.filter((b) => status.includes(b.status));
    return candidates.length === 0 ? undefined : candidates[pick % candidates.length];
  };
  for (const o of ops) {
    if (o.kind === 'book') {
      const queueNo = bookings.length + 1;
      const status = newBookingStatus(seats, bookings);
      // A newcomer never takes a seat while someone waits for one.
      if (status === 'confirmed') expect(bookings.some((b) => b.status === 'waitlisted')).toBe(false);
      bookings.push({ id: `b${queueNo}`, status, queueNo });
    } else if (o.kind === 'addSeats') {
      seats += o.seats;
    } else {
      const from: SeatHolder['status'][] = o.kind === 'cancel' ? ['confirmed', 'waitlisted', 'offered'] : ['offered'];
      const b = among(from, o.pick);
      if (b) move(b, o.kind);
    }
    offerFreedSeats();
    expect(seatsHeld(bookings)).toBeLessThanOrEqual(seats);
    // No seat stands empty while someone waits.
    if (bookings.some((b) => b.status === 'waitlisted')) expect(seatsHeld(bookings)).toBe(seats);
    const positions = bookings.filter((b) => b.status === 'waitlisted').map((b) => waitlistPosition(bookings, b.id));
    expect(positions).toEqual(positions.map((_, i) => i + 1));
  }
  return offeredInOrder;
}

describe('the course waitlist', () => {
  it('never exceeds the seats and never skips a waiting booker, whatever happens in whatever order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(op, { maxLength: 60 }), (seats, ops) => {
        const offered = run(seats, ops);
        // Seats pass down the waitlist in the order people joined it.
        expect(offered).toEqual([...offered].sort((a, b) => a - b));
      }),
      { numRuns: 500 },
    );
  });

  it('confirms the first bookings up to the seats and puts the rest on the waitlist in order', () => {
    const bookings: SeatHolder[] = [];
    for (let i = 1; i <= 5; i++) bookings.push({ id: `b${i}`, status: newBookingStatus(3, bookings), queueNo: i });
    expect(bookings.map((b) => b.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect(waitlistPosition(bookings, 'b5')).toBe(2);
    (bookings[0] as SeatHolder).status = 'cancelled';
    expect(bookingsToOffer(3, bookings)).toEqual(['b4']);
    expect(bookingsToOffer(5, bookings)).toEqual(['b4', 'b5']);
  });
});
