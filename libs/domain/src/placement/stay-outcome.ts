/**
 * How a stay ended, as a code the figures can count (issue 14, "outcomes are codes"): where she
 * went, as far as the shelter or the requester knows. The reason typed beside it stays free text.
 */
export enum StayOutcome {
  /** Back to her country or place of origin. */
  RETURNED_HOME = 'RETURNED_HOME',
  /** Her own housing (rented, with family or friends). */
  OWN_HOUSING = 'OWN_HOUSING',
  /** Housing after a residence permit under B8/3 (a status holder's home, 000:2131-2134). */
  HOUSING_WITH_PERMIT = 'HOUSING_WITH_PERMIT',
  /** Shelter outside this register's reach (another care setting, abroad). */
  ONWARD_SHELTER = 'ONWARD_SHELTER',
  /** Another kind of shelter in the chain (from COSM to VO/MO, from a noodbed to a women's shelter). */
  OTHER_SHELTER_KIND = 'OTHER_SHELTER_KIND',
  /** Left without saying where to. */
  LEFT_WITHOUT_NOTICE = 'LEFT_WITHOUT_NOTICE',
  DECEASED = 'DECEASED',
  /** Something else, said in the reason. */
  OTHER = 'OTHER',
}

/**
 * Outcomes that mean she has gone from the chain: no open transfer or onward request is still for
 * her, so it is cancelled with the stay (followUpEndsWithStay says what else ends a transfer).
 */
const GONE_FROM_THE_CHAIN: ReadonlySet<StayOutcome> = new Set([
  StayOutcome.LEFT_WITHOUT_NOTICE,
  StayOutcome.RETURNED_HOME,
  StayOutcome.OWN_HOUSING,
  StayOutcome.HOUSING_WITH_PERMIT,
  StayOutcome.DECEASED,
  StayOutcome.ONWARD_SHELTER,
]);

export function leavesTheChain(outcome: StayOutcome | null | undefined): boolean {
  return outcome != null && GONE_FROM_THE_CHAIN.has(outcome);
}

/** A stay ended without an outcome given (before outcomes were codes, or left out): counted as such. */
export const OUTCOME_NOT_RECORDED = 'NOT_RECORDED';

/** The keys of the outcome table, in the order it is published. */
export const OUTCOME_KEYS: readonly string[] = [...Object.values(StayOutcome), OUTCOME_NOT_RECORDED];

/**
 * Whether what follows a stay ends with it. A noodbed's onward request goes on unless she is gone
 * from the chain (the interim stay ending is what it waited for). A transfer goes on when she went
 * on to another kind of shelter in the chain (it may be where she went) or when nothing was said
 * (a stay ended by its term while her move waits for a place: she still needs one); with any other
 * outcome, something else (OTHER) included, a move for her from a place she has left is no longer
 * for anyone (red team, fourth pass N2: a woman who had left waited on a worklist with 39 candidate
 * places).
 */
export function followUpEndsWithStay(outcome: StayOutcome | null | undefined, followUp: { isTransfer: boolean }): boolean {
  if (!followUp.isTransfer) return leavesTheChain(outcome);
  return outcome != null && outcome !== StayOutcome.OTHER_SHELTER_KIND;
}
