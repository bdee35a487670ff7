/**
 * Property tests of the chain's two core rules (issue: the chain's rules in the workflow):
 * - for every sequence of requests, offers, accepts, arrivals, lapses, declines, departures and
 *   cancellations, no person ever holds two places (one-place.ts, domain.md §5a);
 * - no decision offers a place in a kind its requester may not place in without that authority's
 *   decision (authority.ts, domain.md §5a).
 */
import fc from 'fast-check';
import { DEFAULT_AUTHORITY_HOURS } from '../calendar/authority-hours';
import { Freshness, PlacementStatus, ShelterType, Urgency } from '../enums';
import { DEFAULT_MATCHING_CONFIG } from '../matching-config';
import type { FacilityMatch } from '../matching/match-facilities';
import { newFacility } from '../testing/factories';
import { AuthorityVerdict, authorityVerdict, RequesterCapacity } from './authority';
import { interimAfterOnwardArrival, mayHoldPlace, violatesOnePlace } from './one-place';
import { decidePlacement } from './placement-decision';
import { assertTransition, canTransition } from './state-machine';

const { RECEIVED, MATCHING, WAITING, OFFERED, ACCEPTED, PLACED, ENDED, CANCELLED } = PlacementStatus;

interface ChainRequest {
  status: PlacementStatus;
  onward: boolean;
}

type Event =
  | { kind: 'offer'; who: 0 | 1; bridge: boolean }
  | { kind: 'accept' | 'arrive' | 'decline' | 'lapse' | 'end' | 'cancel'; who: 0 | 1 };

const who = fc.constantFrom<0 | 1>(0, 1);
const eventArb: fc.Arbitrary<Event> = fc.oneof(
  fc.record({ kind: fc.constant('offer' as const), who, bridge: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('accept', 'arrive', 'decline', 'lapse', 'end', 'cancel' as const), who }),
);

function move(request: ChainRequest, to: PlacementStatus): void {
  assertTransition(request.status, to);
  request.status = to;
}

/**
 * One event, as the workflow carries it out: holds only where `mayHoldPlace` allows, ends the
 * interim stay on arrival at the onward place, cancels the onward request with its interim one.
 */
function apply(chain: ChainRequest[], event: Event): void {
  const request = chain[event.who];
  if (!request) return;
  const interim = request.onward ? chain[0] : null;
  switch (event.kind) {
    case 'offer': {
      if (request.status === RECEIVED) move(request, MATCHING);
      if (request.status === WAITING) move(request, MATCHING);
      if (request.status !== MATCHING) return;
      if (!mayHoldPlace(interim)) {
        move(request, WAITING);
        return;
      }
      move(request, OFFERED);
      // A bridge opens the onward request (it holds nothing yet).
      if (event.bridge && !request.onward && chain.length === 1) chain.push({ status: RECEIVED, onward: true });
      return;
    }
    case 'accept':
      if (request.status === OFFERED) move(request, ACCEPTED);
      return;
    case 'arrive': {
      if (request.status !== ACCEPTED) return;
      move(request, PLACED);
      const next = interimAfterOnwardArrival(interim);
      if (interim && next) move(interim, next);
      return;
    }
    case 'decline':
      if (request.status === OFFERED) move(request, MATCHING);
      return;
    case 'lapse':
      if (request.status === OFFERED || request.status === ACCEPTED) move(request, MATCHING);
      return;
    case 'end':
      if (request.status === PLACED) move(request, ENDED);
      return;
    case 'cancel': {
      if (!canTransition(request.status, CANCELLED)) return;
      move(request, CANCELLED);
      const onward = request.onward ? null : chain[1];
      if (onward && canTransition(onward.status, CANCELLED)) move(onward, CANCELLED);
      return;
    }
  }
}

describe('one person, one place (domain.md §5a)', () => {
  it('property: for every sequence of offers, accepts, arrivals, lapses, declines, ends and cancellations, no person ever holds two places', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        const chain: ChainRequest[] = [{ status: RECEIVED, onward: false }];
        for (const event of events) {
          apply(chain, event);
          expect(violatesOnePlace(chain)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the invariant itself: two held places are a violation, a place she is in plus the one she moves to is not', () => {
    expect(
      violatesOnePlace([
        { status: OFFERED, onward: false },
        { status: OFFERED, onward: true },
      ]),
    ).toBe(true);
    expect(
      violatesOnePlace([
        { status: ACCEPTED, onward: false },
        { status: OFFERED, onward: true },
      ]),
    ).toBe(true);
    expect(
      violatesOnePlace([
        { status: PLACED, onward: false },
        { status: PLACED, onward: true },
      ]),
    ).toBe(true);
    expect(
      violatesOnePlace([
        { status: PLACED, onward: false },
        { status: ACCEPTED, onward: true },
      ]),
    ).toBe(false);
    expect(
      violatesOnePlace([
        { status: ENDED, onward: false },
        { status: PLACED, onward: true },
      ]),
    ).toBe(false);
  });

  it('the onward request may hold only once she is in her interim place, or has left it (002:763-767)', () => {
    expect(mayHoldPlace(null)).toBe(true);
    for (const status of Object.values(PlacementStatus))
      expect(mayHoldPlace({ status })).toBe(status === PLACED || status === ENDED);
  });
});

describe('authority in every decision (domain.md §5a)', () => {
  const kinds = Object.values(ShelterType);
  const at = new Date('2026-11-28T22:00:00.000Z');
  const matchArb = fc.record({
    type: fc.constantFrom(...kinds),
    placeableNow: fc.boolean(),
    score: fc.integer({ min: 0, max: 5000 }),
    interim: fc.boolean(),
  });

  it('property: no request is offered or bridged into a kind its requester may not place in without that authority’s decision', () => {
    fc.assert(
      fc.property(
        fc.array(matchArb, { maxLength: 8 }),
        fc.subarray(Object.values(RequesterCapacity)),
        fc.constantFrom(...Object.values(Urgency)),
        fc.boolean(),
        fc.boolean(),
        (specs, capacities, urgency, noodbed, interimArrived) => {
          const matches: FacilityMatch[] = specs
            .map((spec, i) => ({
              facility: newFacility({ id: `f${i}`, type: spec.type }),
              score: spec.score,
              placeableNow: spec.placeableNow,
              placeableAt: at,
              reasonCodes: [],
              reasons: [],
              freshness: Freshness.FRESH,
              distanceKm: 0,
              ...(spec.interim && spec.type === ShelterType.VROUWENOPVANG ? { interimFor: [ShelterType.COSM] } : {}),
            }))
            .sort((a, b) => b.score - a.score);
          const decision = decidePlacement({
            result: { matches, excluded: [], advice: [] },
            urgency,
            groupSize: 1,
            skipFacilityIds: new Set(),
            types: [],
            mayBridge: !noodbed,
            bridgeKinds: DEFAULT_MATCHING_CONFIG.bridgeKinds,
            at,
            authorityHours: DEFAULT_AUTHORITY_HOURS,
            capacities,
            noodbed,
            interimArrived: noodbed ? null : interimArrived,
          });
          if (decision.kind === 'WAIT') return;
          const byId = new Map(matches.map((m) => [m.facility.id, m.facility.type]));
          for (const id of [...decision.allocations.map((a) => a.facilityId), ...decision.alternatives]) {
            expect(authorityVerdict(byId.get(id)!, capacities)).toBe(AuthorityVerdict.OFFER);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
