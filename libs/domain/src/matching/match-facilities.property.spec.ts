/**
 * Property-based tests over random profiles and registers (conventions.md "Tests": fast-check where
 * rules combine). Each property is one promise of domain.md §5.
 */
import fc from 'fast-check';
import { availablePlaces } from '../capacity';
import { ExclusionCode } from '../eligibility/exclusion';
import { AangifteStatus, B8Status, PlacingAuthority, ResidenceStatus, ShelterType, ThreatLevel } from '../enums';
import { isMinor } from '../profile';
import { inputArb, profileArb, registerArb } from '../testing/matching-arbitraries';
import { matchFacilities, MatchInput, MatchResult } from './match-facilities';

const RUNS = { numRuns: 200 };
const run = (fn: (input: MatchInput, result: MatchResult) => void): void =>
  fc.assert(
    fc.property(inputArb, (input) => fn(input, matchFacilities(input))),
    RUNS,
  );

describe('matchFacilities properties', () => {
  it('every facility appears exactly once, in matches or excluded (domain.md §5 rule 7)', () => {
    run((input, result) => {
      const ids = [...result.matches.map((m) => m.facility.id), ...result.excluded.map((e) => e.facility.id)].sort();
      expect(ids).toEqual(input.facilities.map((f) => f.id).sort());
      for (const e of result.excluded) expect(e.reasons.length).toBeGreaterThan(0);
    });
  });

  it('a minor never matches an adult kind (002:771-775, domain.md:90)', () => {
    run((input, result) => {
      if (isMinor(input.profile) !== true) return;
      for (const m of result.matches) expect(m.facility.type).toBe(ShelterType.JEUGDZORG);
    });
  });

  it('aangifte DONE never matches COSM (000:2131-2134)', () => {
    run((input, result) => {
      if (input.profile.aangifte !== AangifteStatus.DONE) return;
      for (const m of result.matches) expect(m.facility.type).not.toBe(ShelterType.COSM);
    });
  });

  it('aangifte DONE never matches COSM, on COSM candidates: every COSM matched without aangifte is excluded with it', () => {
    const cosmCandidate = fc.record({
      profile: profileArb.map((p) => ({
        ...p,
        age: 30,
        residenceStatus: ResidenceStatus.NO_LAWFUL_RESIDENCE,
        b8Status: B8Status.BEDENKTIJD,
        bedenktijdStart: null,
      })),
      facilities: registerArb.map((fs) =>
        fs.map((f, i) => (i % 2 === 0 ? { ...f, type: ShelterType.COSM, placingAuthority: PlacingAuthority.COMENSHA } : f)),
      ),
      at: inputArb.map((i) => i.at),
    });
    let cosmSeen = 0;
    fc.assert(
      fc.property(cosmCandidate, (input) => {
        const without = matchFacilities({ ...input, profile: { ...input.profile, aangifte: AangifteStatus.NONE } });
        const done = matchFacilities({ ...input, profile: { ...input.profile, aangifte: AangifteStatus.DONE } });
        expect(done.matches.filter((m) => m.facility.type === ShelterType.COSM)).toEqual([]);
        for (const m of without.matches.filter((x) => x.facility.type === ShelterType.COSM)) {
          cosmSeen++;
          const excluded = done.excluded.find((e) => e.facility.id === m.facility.id);
          expect(excluded?.reasons.map((r) => r.code)).toEqual([ExclusionCode.AANGIFTE]);
        }
      }),
      RUNS,
    );
    expect(cosmSeen).toBeGreaterThan(0);
  });

  it('high threat never matches a facility in an excluded or home region (000:2108-2110)', () => {
    run((input, result) => {
      const p = input.profile;
      const forbidden = new Set([
        ...(p.excludedRegionCodes ?? []),
        ...(p.threatLevel === ThreatLevel.HIGH && p.homeRegionCode ? [p.homeRegionCode] : []),
      ]);
      for (const m of result.matches) expect(forbidden.has(m.facility.regionCode)).toBe(false);
    });
  });

  it('a facility without room for the group is excluded with NO_CAPACITY, never placeable', () => {
    run((input, result) => {
      const needed = input.profile.groupSize ?? 1;
      for (const m of result.matches) expect(availablePlaces(m.facility.capacity)).toBeGreaterThanOrEqual(needed);
      for (const e of result.excluded) {
        if (availablePlaces(e.facility.capacity) < needed)
          expect(e.reasons.map((r) => r.code)).toContain(ExclusionCode.NO_CAPACITY);
      }
    });
  });

  it('an adult in an asylum procedure never gets a bed (003:665-667); a minor only youth care, Nidos deciding (003:683-695)', () => {
    run((input, result) => {
      if (input.profile.residenceStatus !== ResidenceStatus.ASYLUM_PROCEDURE) return;
      if (isMinor(input.profile) === true)
        expect(result.matches.every((m) => m.facility.type === ShelterType.JEUGDZORG)).toBe(true);
      else if (isMinor(input.profile) === false) expect(result.matches).toEqual([]);
    });
  });

  it('matches are best first; placeableNow means placeableAt = at; placeableAt is never before at', () => {
    run((input, result) => {
      for (let i = 1; i < result.matches.length; i++) {
        expect(result.matches[i - 1].score).toBeGreaterThanOrEqual(result.matches[i].score);
      }
      for (const m of result.matches) {
        expect(m.placeableAt.getTime()).toBeGreaterThanOrEqual(input.at.getTime());
        expect(m.placeableNow).toBe(m.placeableAt.getTime() === input.at.getTime());
      }
    });
  });

  it('only the placing authority and intake decide placeableNow: NOODBED (police, 24/7) with 24/7 intake is always placeable now', () => {
    run((input, result) => {
      for (const m of result.matches) {
        if (m.facility.placingAuthority === PlacingAuthority.POLICE && m.facility.intakeHours === null)
          expect(m.placeableNow).toBe(true);
      }
    });
  });

  it('escalates exactly when nothing matches (except the asylum route)', () => {
    run((input, result) => {
      const escalated = result.advice.some((a) => a.code === 'ESCALATE_OVD');
      const asylum = input.profile.residenceStatus === ResidenceStatus.ASYLUM_PROCEDURE;
      expect(escalated).toBe(result.matches.length === 0 && !asylum);
    });
  });

  it('is deterministic: same input, or the same facilities shuffled, gives a deep-equal result', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const first = matchFacilities(input);
        expect(matchFacilities(input)).toEqual(first);
        const shuffled = [...input.facilities];
        let state = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
          const j = state % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        expect(matchFacilities({ ...input, facilities: shuffled })).toEqual(first);
      }),
      RUNS,
    );
  });
});
