import { PlacementStatus, Urgency } from '../enums';
import { type EscalationCandidate, escalationDue } from './escalation-due';

const MINUTE = 60_000;
const CAME_IN = new Date('2026-12-03T02:00:00.000Z');
const at = (minutes: number) => new Date(CAME_IN.getTime() + minutes * MINUTE);
const acute = (overrides: Partial<EscalationCandidate> = {}): EscalationCandidate => ({
  urgency: Urgency.ACUTE,
  status: PlacementStatus.MATCHING,
  escalated: false,
  createdAt: CAME_IN,
  attempt: 0,
  toldAttempt: null,
  bridgeRequestId: null,
  ...overrides,
});

describe('escalationDue: an ACUTE request without a place to go at its deadline (003:497)', () => {
  it('is due at the deadline, not a minute before it', () => {
    expect(escalationDue(acute(), at(9), 10)).toBe(false);
    expect(escalationDue(acute(), at(10), 10)).toBe(true);
  });

  it('is due while she has no place to go: received, being matched, waiting, or offered at a shelter that has not accepted', () => {
    for (const status of [PlacementStatus.RECEIVED, PlacementStatus.MATCHING, PlacementStatus.WAITING, PlacementStatus.OFFERED])
      expect(escalationDue(acute({ status }), at(12), 10)).toBe(true);
  });

  it('is not due once she has a place to go: accepted, placed, or the noodbed the police were told', () => {
    for (const status of [PlacementStatus.ACCEPTED, PlacementStatus.PLACED, PlacementStatus.ENDED, PlacementStatus.CANCELLED])
      expect(escalationDue(acute({ status }), at(12), 10)).toBe(false);
    expect(escalationDue(acute({ status: PlacementStatus.OFFERED, toldAttempt: 0 }), at(12), 10)).toBe(false);
  });

  it('is due once the noodbed the police were told is withdrawn, though she is offered another: nobody told the police that one (red team, stop 31)', () => {
    expect(escalationDue(acute({ status: PlacementStatus.OFFERED, attempt: 1, toldAttempt: 0 }), at(12), 10)).toBe(true);
  });

  it('is never due twice, nor for a request that is not ACUTE, nor for an onward request (it escalates when her interim stay ends)', () => {
    expect(escalationDue(acute({ escalated: true }), at(12), 10)).toBe(false);
    expect(escalationDue(acute({ urgency: Urgency.URGENT }), at(12), 10)).toBe(false);
    expect(escalationDue(acute({ bridgeRequestId: 'interim' }), at(12), 10)).toBe(false);
  });
});
