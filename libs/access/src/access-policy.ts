import { Role } from '@opvangplek/domain';

const ALL = Object.values(Role);
const ALL_BUT_PLANNERS = ALL.filter((role) => role !== Role.PLANNER);
const { ZORGCOORDINATOR, COMENSHA, POLICE, NLA, SHELTER_STAFF, PLANNER, ADMIN, JEUGDBESCHERMING } = Role;
/** Those who decide placements on a worklist (domain.md §5a): assign a place or hand the request back. */
const DECIDERS = [ZORGCOORDINATOR, COMENSHA, NLA, JEUGDBESCHERMING];
/** Aggregates over requests (issue 6): for those who plan and coordinate capacity, not for placers on shift. */
const PLANNING = [PLANNER, COMENSHA, ZORGCOORDINATOR, ADMIN];

/**
 * Who may run each GraphQL operation (issue: privacy): the one table the guard enforces, and the
 * one the access-matrix test reads. Default deny: an operation missing here is refused for
 * everyone, so a new operation cannot go live without a decision. Finer rules (own region, own
 * facility, own organisation, which fields) are in the services and apply on top.
 */
export const ACCESS_POLICY: Readonly<Record<string, readonly Role[]>> = {
  // Query
  me: ALL,
  regions: ALL,
  facilities: ALL,
  facility: ALL,
  matchFacilities: [ZORGCOORDINATOR, COMENSHA, POLICE, NLA, JEUGDBESCHERMING, ADMIN],
  // ADMIN administers, and reads under audited break-glass; it is not a placing party (issue 12):
  // it neither requests, nor answers offers, nor confirms arrivals, nor cancels.
  placementRequest: ALL_BUT_PLANNERS,
  placementRequests: ALL_BUT_PLANNERS,
  auditLog: [ADMIN],
  capacityOverview: ALL,
  occupancyHistory: PLANNING,
  unmetDemand: PLANNING,
  placementStatistics: PLANNING,
  // Registration with CoMensha (issue 14, 002:803): the service narrows to own regions (ZORGCOORDINATOR) or all (COMENSHA).
  victimRegistrations: [ZORGCOORDINATOR, COMENSHA],
  registrationStatistics: PLANNING,
  // Shelters' response figures (issue 18): aggregates for those who plan (own regions, the service
  // narrows); a facility's own exact figures for its own staff.
  offerResponses: PLANNING,
  myOfferResponses: [SHELTER_STAFF],
  // Outbound webhooks (issue 14): registered and watched by ADMIN for the organisations.
  webhooks: [ADMIN],
  webhookDeliveries: [ADMIN],
  escalationCoverage: [ADMIN],
  // Planned actions (issue 14) are confidential per action, not per role: whoever may not see one
  // gets null / an empty list / NOT_FOUND from the service, the same as for one that does not exist.
  plannedAction: ALL,
  plannedActions: ALL,
  facilityReservations: ALL,
  // A shelter's own figures to confirm (issue 18); the service reads the token's facilities.
  figuresNudges: [SHELTER_STAFF],
  // Each region's stale share over time (issue 18): a planning aggregate.
  staleShareHistory: PLANNING,
  // Mutation
  updateCapacity: [SHELTER_STAFF, ADMIN],
  confirmCapacity: [SHELTER_STAFF, ADMIN],
  // Every facility on the caller's token: ADMIN has none (and confirms one at a time with confirmCapacity).
  confirmAllCapacity: [SHELTER_STAFF],
  requestPlacement: [ZORGCOORDINATOR, COMENSHA, NLA, JEUGDBESCHERMING],
  requestNoodbed: [POLICE],
  respondToOffer: [SHELTER_STAFF],
  confirmArrival: [SHELTER_STAFF],
  endPlacement: ALL_BUT_PLANNERS,
  // ADMIN only by break-glass, with a reason, audited (the service checks it).
  cancelPlacementRequest: [ZORGCOORDINATOR, COMENSHA, POLICE, NLA, JEUGDBESCHERMING, ADMIN],
  // Those who carry the case (per request: its region's coordinators, the requesting organisation,
  // CoMensha; transfer.ts). Not shelter staff, planners or ADMIN (the register, not cases).
  requestTransfer: [ZORGCOORDINATOR, COMENSHA, POLICE, NLA, JEUGDBESCHERMING],
  updateVictimProfile: [ZORGCOORDINATOR, COMENSHA, POLICE, NLA, JEUGDBESCHERMING],
  recordRouteDecision: [ZORGCOORDINATOR, COMENSHA, POLICE, NLA, JEUGDBESCHERMING],
  // Who may act on each request is decided per request by the authority table (domain.md §5a).
  placementCandidates: DECIDERS,
  assignPlacement: DECIDERS,
  returnRequest: DECIDERS,
  breakGlassProfile: [ADMIN],
  // "via zorgcoördinator" (003:493-496); CoMensha nationally; the NLA for its own actions (the service checks).
  planAction: [ZORGCOORDINATOR, COMENSHA, NLA],
  cancelPlannedAction: ALL,
  createWebhook: [ADMIN],
  disableWebhook: [ADMIN],
  redeliverWebhook: [ADMIN],
  registerVictim: [ZORGCOORDINATOR, COMENSHA],
  // Subscription
  capacityChanged: ALL,
  // Region × kind aggregates, as capacityOverview: secret facilities only as a band (issue 12).
  regionCapacityChanged: ALL,
  placementRequestUpdated: ALL_BUT_PLANNERS,
};

export function allowedRoles(operation: string): readonly Role[] {
  return ACCESS_POLICY[operation] ?? [];
}
