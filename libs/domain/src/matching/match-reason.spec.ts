import { Gender, PlacingAuthority, ShelterType } from '../enums';
import { newFacility, newProfile } from '../testing/factories';
import { matchFacilities } from './match-facilities';
import { MatchReason, MatchReasonCode, MatchReasonParams, matchReasonSentence } from './match-reason';

const AT = new Date('2026-06-10T10:00:00Z');

/** Every code with its parameters and the sentence the API returns for it (a new code fails the type check here). */
const SENTENCES: Record<MatchReasonCode, [MatchReasonParams, string]> = {
  SPECIALISED_KIND: [{ kind: ShelterType.COSM }, 'COSM: the specialised place in the bedenktijd (000:2130-2131)'],
  PLACEABLE_NOW: [{}, 'placeable now'],
  PLACEABLE_FROM: [
    { at: new Date('2026-03-30T07:00:00Z'), authority: PlacingAuthority.COMENSHA },
    'placeable from 2026-03-30T07:00:00.000Z (COMENSHA hours and intake hours)',
  ],
  HOURS_NEVER_MEET: [
    { authority: PlacingAuthority.COMENSHA, days: 30 },
    'COMENSHA hours and intake hours do not meet within 30 days: check the opening hours',
  ],
  FREE_PLACES: [{ places: 5 }, '5 free places'],
  PLACE_FREE_COUNT_WITHHELD: [{}, 'a place free (count withheld: secret address)'],
  NO_FREE_PLACE: [{}, 'no free place'],
  GROUP_CHECKED_WHEN_PLACING: [{ groupSize: 6 }, 'a group of 6: whether all fit here is checked when placing'],
  CAPACITY_AGING: [{ at: new Date('2026-06-10T08:00:00Z') }, 'capacity last confirmed 2026-06-10T08:00:00.000Z: aging'],
  CAPACITY_STALE: [
    { at: new Date('2026-06-08T08:00:00Z') },
    'capacity last confirmed 2026-06-08T08:00:00.000Z: stale, call to verify',
  ],
  CAPACITY_NEVER_CONFIRMED: [{}, 'capacity never confirmed: call to verify'],
  KM_FROM_DANGER: [{ km: 120 }, 'about 120 km from the nearest excluded or home region'],
  KM_FROM_REQUESTER: [{ km: 12 }, 'about 12 km from the requester'],
  SECRET_ADDRESS_HIGH_THREAT: [{}, 'secret address, for high threat (000:2108-2110)'],
  MAX_STAY: [{ days: 14 }, 'stay at most 14 days: plan the onward placement'],
  GENDER_X_NOT_LISTED: [
    { genders: [Gender.FEMALE, Gender.MALE] },
    'gender X; the facility lists FEMALE, MALE: confirm the fit with the facility',
  ],
  CRIMINAL_ROUTE_WITH_OM: [{}, 'criminal exploitation: route to be decided with the OM (003:490)'],
  BEDENKTIJD_ENDED: [{ date: '2026-03-01' }, 'bedenktijd ended on 2026-03-01: treated as not in bedenktijd (003:661)'],
  INTERIM_ONLY: [{ kinds: [ShelterType.COSM] }, 'interim place only: onward to COSM (000:2136-2139)'],
  ANSWERS_QUICKLY: [{ minutes: 12 }, 'answers offers quickly: median 12 min'],
};

describe('match reasons as codes', () => {
  it.each(Object.entries(SENTENCES))('%s has its English sentence', (code, [params, sentence]) => {
    expect(matchReasonSentence({ code: code as MatchReasonCode, params })).toBe(sentence);
  });

  it('says why each specialised kind is made for the profile', () => {
    const said = (kind: ShelterType) => matchReasonSentence({ code: MatchReasonCode.SPECIALISED_KIND, params: { kind } });
    expect(said(ShelterType.JEUGDZORG)).toBe('youth care: the place for a minor (002:771-775)');
    expect(said(ShelterType.OMM)).toBe('OMM: specialised for multiproblematiek (000:2143-2149)');
    expect(said(ShelterType.NLA_CRISIS)).toBe('NLA crisis shelter: specialised for labour exploitation (003:486)');
    expect(said(ShelterType.VROUWENOPVANG)).toBe(
      'vrouwenopvang: the place for sexual exploitation with lawful residence (003:466)',
    );
  });

  it('the matcher gives each reason as a code and as its sentence, in the same order', () => {
    const result = matchFacilities({
      profile: newProfile({ gender: Gender.X }),
      facilities: [
        newFacility({
          id: 'vo-1',
          type: ShelterType.VROUWENOPVANG,
          maxStayDays: 14,
          eligibility: { genders: [Gender.FEMALE] },
          capacity: { total: 6, occupied: 1, held: 0, outOfService: 0 },
        }),
      ],
      at: AT,
    });
    const match = result.matches[0];
    expect(match.reasons).toEqual(match.reasonCodes.map(matchReasonSentence));
    const codes = match.reasonCodes.map((reason: MatchReason) => reason.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        MatchReasonCode.SPECIALISED_KIND,
        MatchReasonCode.FREE_PLACES,
        MatchReasonCode.MAX_STAY,
        MatchReasonCode.GENDER_X_NOT_LISTED,
      ]),
    );
    expect(match.reasonCodes.find((r) => r.code === MatchReasonCode.FREE_PLACES)!.params).toEqual({ places: 5 });
    expect(match.reasonCodes.find((r) => r.code === MatchReasonCode.SPECIALISED_KIND)!.params).toEqual({
      kind: ShelterType.VROUWENOPVANG,
    });
  });
});
