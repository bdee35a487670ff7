/**
 * The API's codes and its workflow's English sentences, in the person's language. The API returns
 * codes with parameters (advice, exclusions, errors) and, for match reasons and history notes,
 * sentences of a fixed form with values inside: each known form is recognised here and said again
 * in words. What a person typed (a decline reason, a note) is shown as they wrote it. A form this
 * console does not know yet is shown with its codes and timestamps still put into words.
 */
import type { Language, MessageKey } from './messages';
import { dateWords, momentWords } from './time-words';

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

/** Kinds of shelter in words: "COSM, Vrouwenopvang". */
function kindsWords(words: Words, list: string): string {
  return list
    .split(/,\s*/)
    .map((kind) => words.label('kind', kind.trim()))
    .join(', ');
}

/** Who decides (a placing authority's code) in words. */
function authorityWords(words: Words, code: string): string {
  return words.label('authority', code);
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

type Rule = [RegExp, (words: Words, match: RegExpExecArray, regionName: RegionName) => string];

/** The reasons `matchFacilities` gives for a place (libs/domain/src/matching/match-facilities.ts). */
const MATCH_REASONS: Rule[] = [
  [/^placeable now$/, (w) => w.t('reason.placeableNow')],
  [
    new RegExp(`^placeable from (${ISO}) \\((\\w+) hours and intake hours\\)$`),
    (w, m) => w.f('reason.placeableFrom', { at: momentWords(w, m[1]), who: authorityWords(w, m[2]) }),
  ],
  [
    /^(\w+) hours and intake hours do not meet within (\d+) days/,
    (w, m) => w.f('reason.hoursNeverMeet', { who: authorityWords(w, m[1]), days: m[2] }),
  ],
  [/^(\d+) free places?$/, (w, m) => w.f('reason.free', { places: placesWords(w, Number(m[1])) })],
  [/^a place free \(count withheld/, (w) => w.t('reason.freeWithheld')],
  [/^no free place$/, (w) => w.t('exclusion.NO_CAPACITY')],
  [/^a group of (\d+): whether all fit/, (w, m) => w.f('reason.groupChecked', { n: m[1] })],
  [new RegExp(`^capacity last confirmed (${ISO}): aging`), (w, m) => w.f('reason.aging', { at: momentWords(w, m[1]) })],
  [new RegExp(`^capacity last confirmed (${ISO}): stale`), (w, m) => w.f('reason.stale', { at: momentWords(w, m[1]) })],
  [/^capacity never confirmed/, (w) => w.t('reason.neverConfirmed')],
  [/^about (\d+) km from the nearest excluded or home region$/, (w, m) => w.f('reason.kmFromDanger', { km: m[1] })],
  [/^about (\d+) km from the requester$/, (w, m) => w.f('reason.kmFromRequester', { km: m[1] })],
  [/^secret address, for high threat/, (w) => w.t('reason.secretHighThreat')],
  [/^stay at most (\d+) days/, (w, m) => w.f('reason.maxStay', { days: m[1] })],
  [/^gender X; the facility lists ([A-Z_, ]+):/, (w, m) => w.f('reason.genderX', { genders: genderList(w, m[1]) })],
  [/^criminal exploitation: route to be decided with the OM/, (w) => w.t('reason.omRoute')],
  [/^bedenktijd ended on ([\d-]+)/, (w, m) => w.f('reason.bedenktijdEnded', { date: dateWords(w, m[1]) })],
  [/^interim place only: onward to ([A-Z_, ]+)/, (w, m) => w.f('reason.interimOnly', { kinds: kindsWords(w, m[1]) })],
  [/^youth care: the place for a minor/, (w) => w.t('reason.kind.JEUGDZORG')],
  [/^COSM: the specialised place in the bedenktijd/, (w) => w.t('reason.kind.COSM')],
  [/^OMM: specialised for multiproblematiek/, (w) => w.t('reason.kind.OMM')],
  [/^NLA crisis shelter: specialised for labour exploitation/, (w) => w.t('reason.kind.NLA_CRISIS')],
  [/^vrouwenopvang: the place for sexual exploitation/, (w) => w.t('reason.kind.VROUWENOPVANG')],
];

function genderList(words: Words, list: string): string {
  return list
    .split(/,\s*/)
    .map((gender) => words.label('gender', gender.trim()))
    .join(', ');
}

function byRules(rules: Rule[], words: Words, text: string, regionName: RegionName): string | null {
  for (const [pattern, say] of rules) {
    const match = pattern.exec(text);
    if (match) return say(words, match, regionName);
  }
  return null;
}

/** One reason a place suits (a FacilityMatch's or Candidate's `reasons`), in words. */
export function matchReasonWords(words: Words, reason: string): string {
  return byRules(MATCH_REASONS, words, reason, (code) => code) ?? scrubbed(words, reason);
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

/** Why an escalation happened (libs/placement/src/workflow/escalation.ts and the sweep). */
const ESCALATION_WHY: Rule[] = [
  [/^no place after (\d+) minutes$/, (w, m) => w.f('note.escalated.noPlaceAfter', { n: m[1] })],
  [/^handed back and no other authority's place suits her$/, (w) => w.t('note.escalated.handedBack')],
  [/^her interim stay .* has reached its end/, (w) => w.t('note.escalated.interimEnded')],
];

function escalationWords(words: Words, text: string, regionName: RegionName): string {
  const match = /^escalated: (.*?); listed on region (\w+)'s escalation worklist/.exec(text);
  if (!match) return scrubbed(words, text);
  const why = byRules(ESCALATION_WHY, words, match[1], regionName) ?? scrubbed(words, match[1]);
  return words.f('note.escalated', { why, region: regionName(match[2]) });
}

/** "Vrouwenopvang De Haven (1), Het Anker (2)": the places of an offer, each with "1 plek". */
function offeredPlaces(words: Words, where: string): string {
  return where.replace(/\((\d+)\)/g, (_whole, n: string) => `(${placesWords(words, Number(n))})`);
}

function assignedWords(words: Words, text: string): string | null {
  const match = /^assigned by (\S+) \((\w+)\)(?:: ([\s\S]*))?$/.exec(text);
  if (!match) return null;
  const by = words.label('role', match[2]);
  return match[3] ? words.f('note.assignedWhy', { by, why: match[3] }) : words.f('note.assigned', { by });
}

/** The workflow's history notes (libs/placement/src/workflow, jobs/sweep.job.ts); free text kept as written. */
const HISTORY_NOTES: Rule[] = [
  [
    /^waiting: (\w+)(?:; (escalated: [\s\S]*))?$/,
    (w, m, region) => {
      const reason = w.f('note.waiting', {
        reason: w.label('waiting', m[1]) === m[1] ? w.t('note.waitingOther') : w.label('waiting', m[1]),
      });
      return m[2] ? `${reason}; ${escalationWords(w, m[2], region)}` : reason;
    },
  ],
  [/^escalated: [\s\S]*$/, (w, m, region) => escalationWords(w, m[0], region)],
  [
    new RegExp(
      `^offered: (.*?)(; intake closed now, held until (${ISO}) \\(from its next opening\\))?(?:; (assigned by [\\s\\S]*))?$`,
    ),
    (w, m) => {
      const parts = [w.f('note.offered', { where: offeredPlaces(w, m[1]) })];
      if (m[3]) parts.push(w.f('note.heldUntil', { at: momentWords(w, m[3]) }));
      if (m[4]) parts.push(assignedWords(w, m[4]) ?? scrubbed(w, m[4]));
      return parts.join('; ');
    },
  ],
  [/^declined: ([\s\S]*)$/, (w, m) => w.f('note.declined', { reason: m[1] })],
  [/^offer lapsed: the facility did not answer in time$/, (w) => w.t('note.offerLapsed')],
  [/^accepted place lapsed: she did not arrive in time/, (w) => w.t('note.acceptedLapsed')],
  [
    /^share of (\d+) accepted; waiting for the other facilities/,
    (w, m) => w.f('note.shareAccepted', { places: placesWords(w, Number(m[1])) }),
  ],
  [
    new RegExp(`^accepted by the facility; held until (${ISO}) for her arrival$`),
    (w, m) => w.f('note.accepted', { at: momentWords(w, m[1]) }),
  ],
  [/^(\d+) more arrived$/, (w, m) => w.f('note.moreArrived', { n: m[1] })],
  [
    /^(\d+) accepted place\(s\) released: they did not arrive in time$/,
    (w, m) => w.f('note.released', { places: placesWords(w, Number(m[1])) }),
  ],
  [/^ended: ([\s\S]*)$/, (w, m) => w.f('note.ended', { reason: m[1] })],
  [/^(\d+) left: ([\s\S]*); (\d+) still placed$/, (w, m) => w.f('note.left', { n: m[1], reason: m[2], still: m[3] })],
  [/^cancelled by an administrator \(break-glass\): ([\s\S]*)$/, (w, m) => w.f('note.cancelledBreakGlass', { reason: m[1] })],
  [
    /^cancelled with the interim request \S+ it follows: ([\s\S]*)$/,
    (w, m) => w.f('note.cancelledWithInterim', { reason: m[1] }),
  ],
  [/^cancelled: ([\s\S]*)$/, (w, m) => w.f('note.cancelled', { reason: m[1] })],
  [/^returned by \S+ \((\w+)\): ([\s\S]*)$/, (w, m) => w.f('note.returned', { by: authorityWords(w, m[1]), reason: m[2] })],
  [/^assigned by [\s\S]*$/, (w, m) => assignedWords(w, m[0]) ?? scrubbed(w, m[0])],
  [/^onward placement \(([A-Z_, ]+)\) after the interim stay/, (w, m) => w.f('note.onward', { kinds: kindsWords(w, m[1]) })],
  [/^moved on to the onward placement/, (w) => w.t('note.movedOn')],
  [
    new RegExp(`^stay ends at (${ISO}): an onward placement is needed$`),
    (w, m) => w.f('note.stayEnds', { at: momentWords(w, m[1]) }),
  ],
  [
    new RegExp(`^overstay: the stay should have ended at (${ISO})$`),
    (w, m) => w.f('note.overstay', { at: momentWords(w, m[1]) }),
  ],
];

/** A history note in words: "wacht: geen passende plek", "afgewezen: <the shelter's own reason>". */
export function historyNoteWords(words: Words, note: string, regionName: RegionName): string {
  return byRules(HISTORY_NOTES, words, note, regionName) ?? scrubbed(words, note);
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
