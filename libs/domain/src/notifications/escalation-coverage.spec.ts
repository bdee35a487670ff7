import { EscalationFunction, escalationCoverage, uncoveredRegions, unreachableRegions } from './escalation-coverage';

const contact = (id: string, regions: string[], fn: EscalationFunction | null, active = true, reachable = true) => ({
  id,
  organisation: `org-${id}`,
  escalationRegions: regions,
  contactFunction: fn,
  active,
  reachable,
});

describe('escalation coverage per region (002:362-364, 003:497)', () => {
  it('flags a region without an active contact, and the functions a covered region still lacks', () => {
    const coverage = escalationCoverage(
      ['RR', 'AMS', 'TW'],
      [
        contact('ovd-rr', ['RR'], EscalationFunction.OVD_BEVOLKINGSZORG),
        contact('tafel-rr', ['RR', 'AMS'], EscalationFunction.REGIONALE_TAFEL),
        contact('old-tw', ['TW'], EscalationFunction.OVD_BEVOLKINGSZORG, false),
      ],
    );
    expect(coverage.map((r) => [r.regionCode, r.covered, r.missingFunctions])).toEqual([
      ['RR', true, []],
      ['AMS', true, [EscalationFunction.OVD_BEVOLKINGSZORG]],
      ['TW', false, [EscalationFunction.OVD_BEVOLKINGSZORG, EscalationFunction.REGIONALE_TAFEL]],
    ]);
    expect(coverage[2].contacts.map((c) => c.id)).toEqual(['old-tw']);
    expect(uncoveredRegions(coverage)).toEqual(['TW']);
  });

  it('a contact without a function counts as OTHER: it covers the region but no expected function', () => {
    const [rr] = escalationCoverage(['RR'], [contact('x', ['RR'], null)]);
    expect(rr.covered).toBe(true);
    expect(rr.missingFunctions).toHaveLength(2);
  });

  it('an endpoint whose deliveries die covers nothing, and is named apart from a region with no contact (red team F14)', () => {
    const coverage = escalationCoverage(
      ['RR', 'AMS'],
      [contact('ovd-rr', ['RR'], EscalationFunction.OVD_BEVOLKINGSZORG, true, false), contact('x', ['AMS'], null, false)],
    );
    expect(coverage.map((r) => [r.regionCode, r.covered])).toEqual([
      ['RR', false],
      ['AMS', false],
    ]);
    expect(coverage[0].missingFunctions).toContain(EscalationFunction.OVD_BEVOLKINGSZORG);
    expect(uncoveredRegions(coverage)).toEqual(['RR', 'AMS']);
    expect(unreachableRegions(coverage)).toEqual(['RR']);
  });
});
