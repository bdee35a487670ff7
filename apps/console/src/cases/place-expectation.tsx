import { useQuery } from 'urql';
import { PlaceExpectationDocument } from '../api/generated';
import type { PlaceExpectation, PlacementStatus } from '../api/types';
import { type MessageKey } from '../i18n/messages';
import { useI18n } from '../i18n/i18n';

/** How many facilities, in words ("1 locatie", "2 locaties"). */
function facilities(f: ReturnType<typeof useI18n>['f'], n: number): string {
  return n === 1 ? f('expect.one', {}) : f('expect.many', { n: String(n) });
}

/** The sentence for an expectation: the nearest horizon, her own region first (issue 18). */
export function expectationWords(i18n: Pick<ReturnType<typeof useI18n>, 'f' | 't'>, expected: PlaceExpectation): string {
  const choices: [number, MessageKey][] = [
    [expected.inRegionWithin24h, 'expect.region24'],
    [expected.within24h - expected.inRegionWithin24h, 'expect.elsewhere24'],
    [expected.inRegionWithin72h, 'expect.region72'],
    [expected.within72h - expected.inRegionWithin72h, 'expect.elsewhere72'],
  ];
  const first = choices.find(([n]) => n > 0);
  return first ? i18n.f(first[1], { n: facilities(i18n.f, first[0]) }) : i18n.t('expect.none');
}

/**
 * A waiting request's expectation: when a suitable place is expected to come free (issue 18). Read
 * apart from the live request (it costs the server a match), again whenever its status changes.
 * Counts only: never which facilities, so a secret-address one is one of a number.
 */
export function PlaceExpectationNote({ requestId, status }: { requestId: string; status: PlacementStatus }) {
  const i18n = useI18n();
  const [{ data }] = useQuery({
    query: PlaceExpectationDocument,
    variables: { id: requestId },
    pause: status !== 'WAITING',
    requestPolicy: 'network-only',
  });
  const expected = status === 'WAITING' ? data?.placementRequest?.expectedPlace : null;
  if (!expected) return null;
  return (
    <p
      className="info-box"
      data-testid="place-expectation"
      data-in-region-24={expected.inRegionWithin24h}
      data-within-24={expected.within24h}
      data-in-region-72={expected.inRegionWithin72h}
      data-within-72={expected.within72h}
    >
      <strong>{i18n.t('expect.title')}:</strong> {expectationWords(i18n, expected)}
    </p>
  );
}
