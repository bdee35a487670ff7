import type { HistoryEvent, PlacementRequest } from '../api/types';
import type { MessageKey } from '../i18n/messages';
import { waitingWords } from './waiting-words';
import { facilityName, isAnonymous, type NamedFacility } from '../components/facility-name';

type Words = {
  t(key: MessageKey): string;
  f(key: MessageKey, values: Record<string, string>): string;
  label(group: string, value: string): string;
};

/** Why the offered place changed: a decline, an offer that lapsed, or something else. */
export type ChangeCause = 'declined' | 'lapsed' | 'other';

/** A history step's note code; for a step from before codes, the code its English note begins with. */
function noteCodeOf(event: HistoryEvent): string | null {
  if (event.noteCode) return event.noteCode;
  if (event.note?.startsWith('offered: ')) return 'OFFERED';
  if (event.note?.startsWith('declined: ')) return 'DECLINED';
  if (event.note?.startsWith('offer lapsed')) return 'OFFER_LAPSED';
  return null;
}

/**
 * Whether the current offer follows an earlier one that ended (declined, or not answered in time):
 * read from the history, so the change is still told after a reload. Null when the current offer is
 * the first.
 */
export function changeCauseFromHistory(history: PlacementRequest['history']): ChangeCause | null {
  const codes = history.map(noteCodeOf);
  const offers = codes.map((code, index) => (code === 'OFFERED' ? index : -1)).filter((i) => i >= 0);
  if (offers.length < 2) return null;
  const between = codes.slice(offers[offers.length - 2] + 1, offers[offers.length - 1]);
  if (between.includes('DECLINED')) return 'declined';
  if (between.includes('OFFER_LAPSED')) return 'lapsed';
  return 'other';
}

/** "Vrouwenopvang Het Anker (Amsterdam)": the place and its region (an anonymous name says its region already). */
export function placeWords(words: Words, facility: NamedFacility): string {
  const name = facilityName(words, facility);
  return name === facility.name ? `${name} (${facility.region.name})` : name;
}

/**
 * Whole km to the place the request holds at `facilityId`, as the API measured it (from the centre of
 * the request's region); null when it does not say. The live hold first: a place offered again
 * after an earlier release has both.
 */
export function distanceTo(request: PlacementRequest, facilityId: string): number | null {
  const holds = (request.allocations ?? []).filter((allocation) => allocation.facility.id === facilityId);
  return (holds.find((allocation) => allocation.state !== 'RELEASED') ?? holds[0])?.distanceKm ?? null;
}

/**
 * "afstand ca. 34 km" (whole km, as the API rounds it), or "afstand onbekend" when the API gave none.
 * To a secret address the viewer may not locate, the API measures to its region's centre: said so,
 * never "minder dan 1 km", which would read as knowing where it is.
 */
export function distanceWords(words: Words, distanceKm: number | null, facility?: NamedFacility): string {
  if (distanceKm === null) return words.t('follow.distanceUnknown');
  if (facility && isAnonymous(facility)) return words.f('follow.distanceToRegion', { km: String(distanceKm) });
  if (distanceKm === 0) return words.t('follow.distanceUnderOne');
  return words.f('follow.distanceAbout', { km: String(distanceKm) });
}

/** "De opvang heeft afgewezen; nu aangeboden: Vrouwenopvang Het Anker (Amsterdam), afstand ca. 57 km". */
export function changeWords(words: Words, cause: ChangeCause, facility: NamedFacility, distanceKm: number | null): string {
  const key: MessageKey =
    cause === 'declined' ? 'follow.changedDeclined' : cause === 'lapsed' ? 'follow.changedLapsed' : 'follow.changedOther';
  return words.f(key, { where: placeWords(words, facility), distance: distanceWords(words, distanceKm, facility) });
}

/** What the requester can do, or waits for, next (the intake line, once accepted, is shown beside it). */
export function nextStepWords(words: Words, request: PlacementRequest): string | null {
  const { t, f } = words;
  const facility = request.facility;
  switch (request.status) {
    case 'RECEIVED':
    case 'MATCHING':
      return t('follow.nextSearching');
    case 'OFFERED':
      if (!facility) return null;
      // A public address is on the page already: "the address follows" would contradict it.
      return f(facility.address ? 'follow.nextOfferedAddressKnown' : 'follow.nextOffered', {
        name: facilityName(words, facility),
      });
    case 'ACCEPTED':
      return facility?.address
        ? f('follow.nextAcceptedAddress', { address: facility.address })
        : t('follow.nextAcceptedNoAddress');
    case 'PLACED':
      if (!facility) return null;
      return facility.address
        ? f('follow.nextPlacedAddress', { name: facility.name, address: facility.address })
        : f('follow.nextPlaced', { name: facilityName(words, facility) });
    default:
      // WAITING says who decides and when they open in its own line; finished requests need nothing.
      return null;
  }
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** "Vervolgaanvraag voor een vaste plek: ontvangen, wacht tot zij in de noodopvang is". */
export function followUpWords(words: Words, followUp: NonNullable<PlacementRequest['followUp']>): string {
  const { f, label } = words;
  const where = followUp.facility ? placeWords(words, followUp.facility) : '';
  let state: string;
  switch (followUp.status) {
    case 'RECEIVED':
    case 'MATCHING':
      state = words.t('follow.followUpSearching');
      break;
    case 'WAITING':
      state = f('follow.followUpWaiting', { waiting: lowerFirst(waitingWords(words, followUp)) });
      break;
    case 'OFFERED':
      state = where ? f('follow.followUpOffered', { where }) : lowerFirst(label('status', followUp.status));
      break;
    case 'ACCEPTED':
      state = where ? f('follow.followUpAccepted', { where }) : lowerFirst(label('status', followUp.status));
      break;
    case 'PLACED':
      state = where ? f('follow.followUpPlaced', { where }) : lowerFirst(label('status', followUp.status));
      break;
    default:
      state = f('follow.followUpClosed', { status: lowerFirst(label('status', followUp.status)) });
  }
  return f('follow.followUpLine', { state });
}
