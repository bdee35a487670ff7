/**
 * The API's codes in the person's language: advice, exclusions and errors, and the reasons a place
 * suits (`FacilityMatch.reasonCodes`) and the history's notes (`PlacementEvent.noteCode`), each a
 * code with its values. What a person typed (a decline reason, a note) is shown as they wrote it.
 * Without a code this console knows (a history step from before notes had codes, or a code newer
 * than this console) the API's English sentence is shown, with its codes and timestamps in words.
 */
import type { HistoryEvent, MatchReason, PlacementNoteParams } from '../api/types';
import type { Language, MessageKey } from './messages';
import { dateWords, momentWords } from './time-words';
import { isAnonymous } from '../components/facility-name';

export interface Words {
  language: Language;
  t(key: MessageKey): string;
  f(key: MessageKey, values: Record<string, string>): string;
  label(group: string, value: string): string;
}

/** A region code in words (`useRegions`): "Rotterdam Rijnmond" for RR. */
export type RegionName = (code: string) => string;

const ISO = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?`;
const ISO_ANYWHERE = new RegExp(ISO, 'g');
const CODE_ANYWHERE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
/** A source reference ("(003:497)", "(000:2108-2110)"): for the rule book, not for the person on shift. */
const SOURCE = /\s*\((?:\d{3}:\d+(?:-\d+)?(?:,\s*)?)+\)/g;

/** "1 plek" / "3 plekken". */
export function placesWords(words: Words, count: number): string {
  return count === 1 ? words.t('words.onePlace') : words.f('words.places', { n: String(count) });
}

/** Last resort for text of a form not (yet) known here: codes and timestamps still in words. */
export function scrubbed(words: Words, text: string): string {
  return text
    .replace(SOURCE, '')
    .replace(ISO_ANYWHERE, (iso) => momentWords(words, iso))
    .replace(CODE_ANYWHERE, (code) => {
      for (const group of ['waiting', 'status', 'kind', 'exclusion', 'residence', 'authority', 'role', 'gender']) {
        const said = words.label(group, code);
        if (said !== code) return said;
      }
      return code.toLowerCase().replace(/_/g, ' ');
    });
}

/** A list of codes or kinds in words: "COSM, Vrouwenopvang". */
function listWords(words: Words, group: string, values: readonly string[] | null | undefined): string {
  return (values ?? []).map((value) => words.label(group, value)).join(', ');
}

/** One reason a place suits, in words; null for a code this console does not know. */
function reasonCodeWords(words: Words, { code, params: p }: MatchReason, anonymous: boolean): string | null {
  const { t, f } = words;
  switch (code) {
    case 'SPECIALISED_KIND': {
      const said = words.label('reason.kind', p.kind ?? '');
      return p.kind && said !== p.kind ? said : null;
    }
    case 'PLACEABLE_NOW':
      return t('reason.placeableNow');
    case 'PLACEABLE_FROM':
      return f('reason.placeableFrom', { at: momentWords(words, p.at), who: words.label('authority', p.authority ?? '') });
    case 'HOURS_NEVER_MEET':
      return f('reason.hoursNeverMeet', { who: words.label('authority', p.authority ?? ''), days: String(p.days) });
    case 'FREE_PLACES':
      return f('reason.free', { places: placesWords(words, p.places ?? 0) });
    case 'PLACE_FREE_COUNT_WITHHELD':
      return t('reason.freeWithheld');
    case 'NO_FREE_PLACE':
      return t('exclusion.NO_CAPACITY');
    case 'GROUP_CHECKED_WHEN_PLACING':
      return f('reason.groupChecked', { n: String(p.groupSize) });
    case 'CAPACITY_AGING':
      return f('reason.aging', { at: momentWords(words, p.at) });
    case 'CAPACITY_STALE':
      return f('reason.stale', { at: momentWords(words, p.at) });
    case 'CAPACITY_NEVER_CONFIRMED':
      return t('reason.neverConfirmed');
    case 'KM_FROM_DANGER':
      return f('reason.kmFromDanger', { km: String(p.km) });
    case 'KM_FROM_REQUESTER':
      // To a secret address the viewer may not locate, the API measures to its region's centre.
      return f(anonymous ? 'reason.kmToRegionCentre' : 'reason.kmFromRequester', { km: String(p.km) });
    case 'SECRET_ADDRESS_HIGH_THREAT':
      return t('reason.secretHighThreat');
    case 'MAX_STAY':
      return f('reason.maxStay', { days: String(p.days) });
    case 'GENDER_X_NOT_LISTED':
      return f('reason.genderX', { genders: listWords(words, 'gender', p.genders) });
    case 'CRIMINAL_ROUTE_WITH_OM':
      return t('reason.omRoute');
    case 'BEDENKTIJD_ENDED':
      return p.date ? f('reason.bedenktijdEnded', { date: dateWords(words, p.date) }) : null;
    case 'INTERIM_ONLY':
      return f('reason.interimOnly', { kinds: listWords(words, 'kind', p.kinds) });
    case 'ANSWERS_QUICKLY':
      return p.minutes == null ? t('reason.answersQuickly') : f('reason.answersQuicklyMedian', { minutes: String(p.minutes) });
    default:
      return null;
  }
}

/**
 * The reasons a place suits (a FacilityMatch's or Candidate's), in words: from the codes, each one
 * the console does not know as the API's English sentence beside it.
 */
export function matchReasonsWords(
  words: Words,
  match: {
    reasons: string[];
    reasonCodes?: MatchReason[] | null;
    facility?: { secretAddress: boolean; address: string | null } | null;
  },
): string[] {
  const codes = match.reasonCodes ?? [];
  if (codes.length !== match.reasons.length) return match.reasons.map((reason) => scrubbed(words, reason));
  const anonymous = match.facility ? isAnonymous(match.facility) : false;
  return codes.map((reason, index) => reasonCodeWords(words, reason, anonymous) ?? scrubbed(words, match.reasons[index]));
}

/** Advice (`AdviceCode` and its parameters) in words; `facilityName` names the places it points to. */
export function adviceWords(
  words: Words,
  advice: { code: string; onwardPlaceableAt?: string | null; bridgeFacilityId?: string | null; onwardFacilityId?: string | null },
  facilityName: (id: string | null | undefined) => string | null,
): string {
  if (advice.code === 'BRIDGE_THEN_TRANSFER') {
    const bridge = facilityName(advice.bridgeFacilityId);
    const onward = facilityName(advice.onwardFacilityId);
    const at = advice.onwardPlaceableAt ? momentWords(words, advice.onwardPlaceableAt) : null;
    if (bridge && onward && at) return words.f('advice.BRIDGE_THEN_TRANSFER.named', { bridge, onward, at });
    if (at) return words.f('advice.BRIDGE_THEN_TRANSFER.at', { at });
  }
  const said = words.label('advice', advice.code);
  return said === advice.code ? words.t('advice.other') : said;
}

/** Why a request was escalated, and on which region's worklist it is listed; null for a cause this console does not know. */
function escalationWords(words: Words, p: PlacementNoteParams, regionName: RegionName): string | null {
  let why: string;
  if (p.escalatedBecause === 'NO_PLACE_IN_TIME') why = words.f('note.escalated.noPlaceAfter', { n: String(p.minutes) });
  else if (p.escalatedBecause === 'HANDED_BACK') why = words.t('note.escalated.handedBack');
  else if (p.escalatedBecause === 'INTERIM_STAY_ENDED') why = words.t('note.escalated.interimEnded');
  else return null;
  return words.f('note.escalated', { why, region: regionName(p.regionCode ?? '') });
}

/** "Vrouwenopvang De Haven (1 plek), Het Anker (2 plekken)": the places of an offer. */
function offeredWords(words: Words, p: PlacementNoteParams): string {
  const where = (p.offered ?? []).map((share) => `${share.facilityName} (${placesWords(words, share.places)})`).join(', ');
  const parts = [words.f('note.offered', { where })];
  if (p.heldUntil) parts.push(words.f('note.heldUntil', { at: momentWords(words, p.heldUntil) }));
  if (p.byOrg) {
    const by = words.label('role', p.byRole ?? '');
    parts.push(p.reason ? words.f('note.assignedWhy', { by, why: p.reason }) : words.f('note.assigned', { by }));
  }
  return parts.join('; ');
}

/** A history note in words from its code; null for a code this console does not know. */
function noteCodeWords(words: Words, code: string, p: PlacementNoteParams, regionName: RegionName): string | null {
  const { t, f } = words;
  const reason = p.reason ?? '';
  switch (code) {
    case 'WAITING': {
      const said = words.label('waiting', p.waitingReason ?? '');
      const waiting = f('note.waiting', { reason: said === (p.waitingReason ?? '') ? t('note.waitingOther') : said });
      if (!p.escalatedBecause) return waiting;
      const escalation = escalationWords(words, p, regionName);
      return escalation ? `${waiting}; ${escalation}` : null;
    }
    case 'ESCALATED':
      return escalationWords(words, p, regionName);
    case 'OFFERED':
      return offeredWords(words, p);
    case 'DECLINED':
      return f('note.declined', { reason });
    case 'OFFER_LAPSED':
      return t('note.offerLapsed');
    case 'ACCEPTED_PLACE_LAPSED':
      return t('note.acceptedLapsed');
    case 'SHARE_ACCEPTED':
      return f('note.shareAccepted', { places: placesWords(words, p.places ?? 0) });
    case 'ACCEPTED':
      return f('note.accepted', { at: momentWords(words, p.heldUntil) });
    case 'MORE_ARRIVED':
      return f('note.moreArrived', { n: String(p.places) });
    case 'SHARE_RELEASED':
      return f('note.released', { places: placesWords(words, p.places ?? 0) });
    case 'ENDED':
      return f('note.ended', { reason: withOutcome(words, p.outcome, reason) });
    case 'LEFT':
      return f('note.left', { n: String(p.places), reason: withOutcome(words, p.outcome, reason), still: String(p.stillPlaced) });
    case 'CANCELLED':
      return f('note.cancelled', { reason });
    case 'CANCELLED_BREAK_GLASS':
      return f('note.cancelledBreakGlass', { reason });
    case 'CANCELLED_WITH_INTERIM':
      return f('note.cancelledWithInterim', { reason });
    case 'RETURNED':
      return f('note.returned', { by: words.label('authority', p.authority ?? ''), reason });
    case 'ONWARD_OPENED':
      return f('note.onward', { kinds: listWords(words, 'kind', p.kinds) });
    case 'MOVED_ON':
      return t('note.movedOn');
    case 'STAY_ENDS':
      return f('note.stayEnds', { at: momentWords(words, p.at) });
    case 'OVERSTAY':
      return f('note.overstay', { at: momentWords(words, p.at) });
    // The case over time (issue 14): transfers and profile changes, without the English note's codes and ids.
    case 'TRANSFER_REQUESTED':
      // The destination is left out for those who may not see the transfer (a safety move).
      return p.regionCode
        ? f('note.transferRequested', { region: regionName(p.regionCode) })
        : t('note.transferRequestedUnnamed');
    case 'CANCELLED_STAY_ENDED':
      return p.outcome
        ? f('note.cancelledStayEndedAs', { outcome: words.label('outcome', p.outcome) })
        : t('note.cancelledStayEnded');
    case 'CANCELLED_PLACE_NOW_FITS':
      return t('note.cancelledPlaceNowFits');
    case 'TRANSFER_OF':
      return p.reason ? f('note.transferOfBecause', { reason }) : t('note.transferOf');
    case 'TRANSFER_CANCELLED':
      return t('note.transferCancelled');
    case 'ROUTE_DECIDED':
      return f('note.routeDecided', { reason });
    case 'ROUTE_NO_SHELTER':
      return f('note.routeNoShelter', { reason });
    case 'TRANSFERRED':
      return t('note.transferred');
    case 'PROFILE_CHANGED':
      return t('note.profileChanged');
    case 'BEDENKTIJD_ENDING':
      return p.at ? f('note.bedenktijdEnding', { at: momentWords(words, p.at) }) : null;
    default:
      return null;
  }
}

/**
 * A history step's note in words ("wacht: geen passende plek", "afgewezen: <the shelter's own
 * reason>"), from its code; the API's English note when the step has no code this console knows.
 */
export function historyNoteWords(
  words: Words,
  event: Pick<HistoryEvent, 'note' | 'noteCode' | 'noteParams'>,
  regionName: RegionName,
): string | null {
  const said = event.noteCode ? noteCodeWords(words, event.noteCode, event.noteParams ?? {}, regionName) : null;
  return said ?? (event.note ? scrubbed(words, event.note) : null);
}

/** The age band of a minimal profile ("UNKNOWN", "MINOR", "18-22", "40+") in words. */
export function ageBandWords(words: Words, band: string): string {
  if (band === 'UNKNOWN') return words.t('ageBand.UNKNOWN');
  if (band === 'MINOR') return words.t('ageBand.MINOR');
  return words.f('ageBand.years', { band });
}

/** Languages the API names by code ("en", "pl") in words: "Engels", "Pools". */
export function languageWords(words: Words, codes: readonly string[]): string {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([words.language === 'nl' ? 'nl-NL' : 'en-GB'], { type: 'language' });
  } catch {
    names = null;
  }
  return codes.map((code) => (names && /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(code) ? (names.of(code) ?? code) : code)).join(', ');
}

/** A stay's end as said: its outcome in words before what was typed ("eigen woonruimte — kamer gevonden"). */
function withOutcome(words: Words, outcome: string | null | undefined, reason: string): string {
  return outcome ? `${words.label('outcome', outcome)} — ${reason}` : reason;
}

/**
 * Why the API refused, from `extensions.reason` and its values; null for a reason this console does
 * not know (then the code's own words are shown). AUTHORITY_CLOSED: the authority decides only in
 * its hours (CoMensha for COSM, 000:2136-2137).
 */
export function refusalWords(
  words: Words,
  reason: { code: string; values: Readonly<Record<string, string>> },
  now = Date.now(),
): string | null {
  if (reason.code !== 'AUTHORITY_CLOSED') return null;
  const { authority, kind, opensAt } = reason.values;
  if (!authority || !kind) return null;
  return authorityClosedWords(words, authority, kind, opensAt ?? null, now);
}

/** "CoMensha plaatst in COSM alleen tijdens kantooruren; weer mogelijk ma 7 dec 09:00". */
export function authorityClosedWords(
  words: Words,
  authority: string,
  kind: string,
  opensAt: string | null,
  now = Date.now(),
): string {
  const said = words.label('authority', authority);
  const values = { who: said.charAt(0).toUpperCase() + said.slice(1), kind: words.label('kind', kind) };
  return opensAt
    ? words.f('decide.authorityClosed', { ...values, at: momentWords(words, opensAt, now) })
    : words.f('decide.authorityClosedNoOpening', values);
}
