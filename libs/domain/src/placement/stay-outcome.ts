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

/** A stay ended without an outcome given (before outcomes were codes, or left out): counted as such. */
export const OUTCOME_NOT_RECORDED = 'NOT_RECORDED';

/** The keys of the outcome table, in the order it is published. */
export const OUTCOME_KEYS: readonly string[] = [...Object.values(StayOutcome), OUTCOME_NOT_RECORDED];
