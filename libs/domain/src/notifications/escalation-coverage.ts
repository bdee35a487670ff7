/**
 * Whether every region can be escalated to (issue 14: "every region has configured escalation
 * contacts"): when no place can be arranged at all the OvD bevolkingszorg is consulted (003:497),
 * and stuck cases go to the regional chain director / Regionale Tafel (002:362-364). An escalation
 * in a region without an active contact reaches nobody, so ADMIN must see that gap.
 */

/** The function of the person or desk an escalation contact reaches. */
export enum EscalationFunction {
  /** Officier van Dienst bevolkingszorg: no place can be arranged (003:497). */
  OVD_BEVOLKINGSZORG = 'OVD_BEVOLKINGSZORG',
  /** Regional chain director / Regionale Tafel Mensenhandel: stuck cases (002:362-364). */
  REGIONALE_TAFEL = 'REGIONALE_TAFEL',
  OTHER = 'OTHER',
}

/** The functions every region should reach; OTHER is extra, never a substitute. */
export const EXPECTED_ESCALATION_FUNCTIONS: readonly EscalationFunction[] = [
  EscalationFunction.OVD_BEVOLKINGSZORG,
  EscalationFunction.REGIONALE_TAFEL,
];

export interface EscalationContact {
  id: string;
  organisation: string;
  escalationRegions: readonly string[];
  contactFunction: EscalationFunction | null;
  active: boolean;
  /**
   * False when its latest delivery was a dead letter (every try failed): an endpoint nobody can
   * reach receives no escalation either, so it covers nothing. True until it is known otherwise.
   */
  reachable: boolean;
}

export interface RegionCoverage<C extends EscalationContact = EscalationContact> {
  regionCode: string;
  /** Every endpoint that names the region, active or not (a disabled one is shown, so the gap has a name). */
  contacts: C[];
  /** Whether at least one active, reachable contact receives its escalations. */
  covered: boolean;
  /** Expected functions no active, reachable contact of the region has. */
  missingFunctions: EscalationFunction[];
}

export function escalationCoverage<C extends EscalationContact>(
  regionCodes: readonly string[],
  contacts: readonly C[],
): RegionCoverage<C>[] {
  return regionCodes.map((regionCode) => {
    const ofRegion = contacts.filter((contact) => contact.escalationRegions.includes(regionCode));
    const active = ofRegion.filter((contact) => contact.active && contact.reachable);
    const reached = new Set(active.map((contact) => contact.contactFunction ?? EscalationFunction.OTHER));
    return {
      regionCode,
      contacts: ofRegion,
      covered: active.length > 0,
      missingFunctions: EXPECTED_ESCALATION_FUNCTIONS.filter((fn) => !reached.has(fn)),
    };
  });
}

/** The regions with an active contact that cannot be reached, and no other (the warning names them apart). */
export function unreachableRegions(coverage: readonly RegionCoverage[]): string[] {
  return coverage
    .filter((region) => !region.covered && region.contacts.some((contact) => contact.active && !contact.reachable))
    .map((region) => region.regionCode);
}

/** The regions an escalation would reach nobody in. */
export function uncoveredRegions(coverage: readonly RegionCoverage[]): string[] {
  return coverage.filter((region) => !region.covered).map((region) => region.regionCode);
}
