/**
 * When an ACUTE request is escalated for having no place to go in time (003:497: "Bij het niet
 * pro-actief kunnen regelen van een opvanglocatie kan overleg plaatsvinden met de Officier van
 * Dienst (OvD) bevolkingszorg"; the chain's 15 minutes, issue 19). The sweep finds these requests
 * with the same rule in SQL (sweep.job.ts `escalateOverdue`); the workflow applies it where a
 * request is left without a place to go (an offer declined or lapsed, a noodbed the police were told
 * given back, an accepted place she never reached) and after each matching attempt, so she is
 * escalated then, not a sweep later.
 */
import { PlacementStatus, Urgency } from '../enums';

/** The statuses in which a request has no place to go yet (an offer the police were told is one: see below). */
const WITHOUT_A_PLACE_TO_GO = new Set([PlacementStatus.RECEIVED, PlacementStatus.MATCHING, PlacementStatus.WAITING]);

export interface EscalationCandidate {
  urgency: Urgency;
  status: PlacementStatus;
  escalated: boolean;
  createdAt: Date;
  /** Bumped each time a place held for her is withdrawn (declined, lapsed, given back). */
  attempt: number;
  /** The attempt whose offer a noodbed call's answer named: the police were told to drive there. */
  toldAttempt: number | null;
  /** An onward request: the person has the interim place its bridge holds, and it escalates when that stay ends. */
  bridgeRequestId: string | null;
}

/** Whether `request` is due its escalation for having no place to go `afterMinutes` after it came in. */
export function escalationDue(request: EscalationCandidate, now: Date, afterMinutes: number): boolean {
  if (request.urgency !== Urgency.ACUTE || request.escalated || request.bridgeRequestId !== null) return false;
  if (request.createdAt.getTime() > now.getTime() - afterMinutes * 60_000) return false;
  if (WITHOUT_A_PLACE_TO_GO.has(request.status)) return true;
  // An offer no shelter has accepted is no place to go yet. The one a noodbed call's answer named
  // is, until it is withdrawn: a new offer after that was told nobody.
  return request.status === PlacementStatus.OFFERED && request.toldAttempt !== request.attempt;
}
