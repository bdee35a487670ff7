import { PlacementStatus } from '../enums';
import {
  assertTransition,
  canTransition,
  IllegalTransitionError,
  isTerminalStatus,
  PLACEMENT_TRANSITIONS,
} from './state-machine';

const S = PlacementStatus;
const ALLOWED: [PlacementStatus, PlacementStatus][] = [
  [S.RECEIVED, S.MATCHING],
  [S.RECEIVED, S.CANCELLED],
  [S.MATCHING, S.OFFERED],
  [S.MATCHING, S.WAITING],
  [S.MATCHING, S.CANCELLED],
  [S.WAITING, S.MATCHING],
  [S.WAITING, S.CANCELLED],
  [S.OFFERED, S.ACCEPTED],
  [S.OFFERED, S.MATCHING],
  [S.OFFERED, S.CANCELLED],
  [S.ACCEPTED, S.PLACED],
  // Accepted but she never arrived: the hold lapses like an offer (domain.md §5a).
  [S.ACCEPTED, S.MATCHING],
  [S.ACCEPTED, S.CANCELLED],
  [S.PLACED, S.ENDED],
];
const key = (from: PlacementStatus, to: PlacementStatus): string => `${from}->${to}`;
const allowedKeys = new Set(ALLOWED.map(([f, t]) => key(f, t)));
const ALL = Object.values(PlacementStatus);
const FORBIDDEN = ALL.flatMap((from) => ALL.map((to) => [from, to] as [PlacementStatus, PlacementStatus])).filter(
  ([f, t]) => !allowedKeys.has(key(f, t)),
);

describe('placement state machine', () => {
  it('the table holds exactly the allowed transitions', () => {
    const table = Object.entries(PLACEMENT_TRANSITIONS).flatMap(([from, tos]) =>
      tos.map((to) => key(from as PlacementStatus, to)),
    );
    expect(new Set(table)).toEqual(allowedKeys);
    expect(FORBIDDEN).toHaveLength(ALL.length * ALL.length - ALLOWED.length);
  });

  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it.each(FORBIDDEN)('forbids %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(IllegalTransitionError);
  });

  it('says what was wrong and what is possible', () => {
    try {
      assertTransition(S.RECEIVED, S.PLACED);
      fail('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(IllegalTransitionError);
      const e = error as IllegalTransitionError;
      expect(e.from).toBe(S.RECEIVED);
      expect(e.to).toBe(S.PLACED);
      expect(e.message).toBe(
        'a placement request cannot go from RECEIVED to PLACED; from RECEIVED it can go to MATCHING, CANCELLED',
      );
    }
    expect(() => assertTransition(S.ENDED, S.MATCHING)).toThrow(/nothing \(it is final\)/);
  });

  it('knows the terminal statuses', () => {
    expect(ALL.filter(isTerminalStatus)).toEqual([S.ENDED, S.CANCELLED]);
  });
});
