/**
 * Every GraphQL operation the console sends, in one place, so what the console depends on in the
 * public contract (schema.gql) can be read at a glance.
 *
 * The source of the console's documents, not what its screens import: `npm run codegen` makes of each
 * operation here a document typed with its result and variables (generated.ts: `MeDocument` for
 * `query Me`), and urql infers both from it at every call. Importing these untyped strings instead is
 * refused by the lint.
 */
import { gql } from 'urql';

const FACILITY_FIELDS = gql`
  fragment FacilityFields on Facility {
    id
    name
    type
    secretAddress
    municipality
    address
    intakePhone
    latitude
    longitude
    region {
      code
      name
      latitude
      longitude
    }
    intake {
      openNow
      alwaysOpen
      description
    }
    capacity {
      total
      occupied
      held
      outOfService
      available
      updatedAt
      confirmedAt
      freshness
      version
    }
    availability {
      band
      freshness
    }
  }
`;

/** The minimal profile a desk or a deciding authority sees (never the profile itself). */
const SUMMARY_FIELDS = gql`
  fragment SummaryFields on PlacementRequest {
    profileSummary {
      gender
      ageBand
      careNeeds
      accompanyingChildren
      groupSize
      languages
    }
  }
`;

/**
 * What every list of requests shows of one (Mijn aanvragen, the worklist, the escalations): what it
 * is, since when, and what or whom it waits for (types.ts: RequestListRow).
 */
const LIST_ROW_FIELDS = gql`
  fragment ListRowFields on PlacementRequest {
    id
    status
    urgency
    regionCode
    groupSize
    createdAt
    waitingReason
    waitingForAuthority
    waitingForOrganisation
  }
`;

/**
 * What a request shows wherever it is listed: "Mijn aanvragen" rows and every fuller view. No
 * address or intake line: a list needs neither, and each copy of an address is one more to leak.
 */
const CASE_ROW_FIELDS = gql`
  fragment CaseRowFields on PlacementRequest {
    ...ListRowFields
    offerExpiresAt
    escalated
    facility {
      id
      name
      secretAddress
      type
      region {
        code
        name
      }
    }
    history {
      status
      at
      by
      note
      noteCode
      noteParams {
        waitingReason
        escalatedBecause
        minutes
        regionCode
        requestId
        offered {
          facilityName
          places
        }
        heldUntil
        byOrg
        byRole
        authority
        reason
        outcome
        places
        stillPlaced
        kinds
        at
      }
    }
  }
  ${LIST_ROW_FIELDS}
`;

/**
 * What a worklist row shows (waiting since, urgency, region, for whom, when it is due): no history and
 * no places, which its 200-row page cannot afford under the query cost limit and does not show.
 */
const WORKLIST_FIELDS = gql`
  fragment WorklistFields on PlacementRequest {
    ...ListRowFields
    escalated
    nextAttemptAt
    waitingForAuthorityOpensAt
  }
  ${LIST_ROW_FIELDS}
`;

const REQUEST_FIELDS = gql`
  fragment RequestFields on PlacementRequest {
    ...CaseRowFields
    parallelOffer {
      alsoOfferedTo
      takenElsewhereAt
    }
    # Where she is to be brought: on the case's own page only, never in a list (CaseRowFields).
    facility {
      address
      municipality
      intakePhone
    }
    allocations {
      facility {
        id
      }
      distanceKm
      places
      state
    }
    placedAt
    stayEndsAt
    responsibleMunicipality
    routeDecided
    nextAttemptAt
    followUp {
      id
      status
      waitingReason
      waitingForAuthority
      waitingForOrganisation
      nextAttemptAt
      facility {
        id
        name
        type
        secretAddress
        address
        region {
          code
          name
        }
      }
    }
  }
  ${CASE_ROW_FIELDS}
`;

export const ME = gql`
  query Me {
    me {
      sub
      role
      org
      regions
      facilityIds
    }
  }
`;

export const REGIONS = gql`
  query Regions {
    regions {
      code
      name
      latitude
      longitude
    }
  }
`;

/**
 * The board's read also asks the places expected free in 24 h and 72 h (issue 18); its live feed
 * (CAPACITY_CHANGED) does not, so the server reads them once per board, not once per change.
 */
export const FACILITIES = gql`
  query Facilities($filter: FacilityFilter) {
    facilities(filter: $filter) {
      ...FacilityFields
      capacity {
        expectedFree24h
        expectedFree72h
      }
    }
  }
  ${FACILITY_FIELDS}
`;

export const FACILITY = gql`
  query Facility($id: ID!) {
    facility(id: $id) {
      ...FacilityFields
    }
  }
  ${FACILITY_FIELDS}
`;

/** `$current`: true on a resubscribe after a dropped socket, so the counts are re-derived (api/resumable-subscription.ts). */
export const CAPACITY_CHANGED = gql`
  subscription CapacityChanged($regionCodes: [ID!], $types: [ShelterType!], $current: Boolean) {
    capacityChanged(regionCodes: $regionCodes, types: $types, current: $current) {
      ...FacilityFields
    }
  }
  ${FACILITY_FIELDS}
`;

export const UPDATE_CAPACITY = gql`
  mutation UpdateCapacity($input: UpdateCapacityInput!) {
    updateCapacity(input: $input) {
      ...FacilityFields
    }
  }
  ${FACILITY_FIELDS}
`;

export const CONFIRM_CAPACITY = gql`
  mutation ConfirmCapacity($facilityId: ID!) {
    confirmCapacity(facilityId: $facilityId) {
      ...FacilityFields
    }
  }
  ${FACILITY_FIELDS}
`;

/** The caller's facilities whose figures should be confirmed now (issue 18). */
export const FIGURES_NUDGES = gql`
  query FiguresNudges {
    figuresNudges {
      facility {
        id
        name
      }
      freshness
      hoursOld
    }
  }
`;

/** "Alles klopt nog": every facility on the token at once. */
export const CONFIRM_ALL_CAPACITY = gql`
  mutation ConfirmAllCapacity {
    confirmAllCapacity {
      confirmed {
        ...FacilityFields
      }
      refused {
        facilityId
        code
        message
      }
    }
  }
  ${FACILITY_FIELDS}
`;

/** Why a place suits, as a code with its values (the console words it: i18n/api-words.ts). */
const MATCH_REASON_FIELDS = gql`
  fragment MatchReasonFields on MatchReason {
    code
    params {
      kind
      kinds
      at
      authority
      days
      places
      groupSize
      km
      genders
      date
      minutes
    }
  }
`;

export const MATCH_FACILITIES = gql`
  query MatchFacilities($profile: VictimProfileInput!, $options: MatchOptionsInput) {
    matchFacilities(profile: $profile, options: $options) {
      matchCount
      excludedCount
      exclusionSummary {
        code
        facilities
      }
      matches {
        score
        placeableNow
        placeableAt
        freshness
        reasons
        reasonCodes {
          ...MatchReasonFields
        }
        facility {
          id
          name
          secretAddress
          address
          type
          region {
            code
            name
          }
        }
      }
      excluded {
        facility {
          id
          name
          secretAddress
          address
          type
          region {
            code
            name
          }
        }
        reasons {
          code
          message
        }
      }
      advice {
        code
        message
        bridgeFacilityId
        onwardFacilityId
        onwardPlaceableAt
      }
    }
  }
  ${MATCH_REASON_FIELDS}
`;

export const REQUEST_PLACEMENT = gql`
  mutation RequestPlacement($input: PlacementRequestInput!) {
    requestPlacement(input: $input) {
      ...RequestFields
    }
  }
  ${REQUEST_FIELDS}
`;

export const REQUEST_NOODBED = gql`
  mutation RequestNoodbed($input: NoodbedRequestInput!) {
    requestNoodbed(input: $input) {
      ...RequestFields
    }
  }
  ${REQUEST_FIELDS}
`;

/** A waiting request's expectation (issue 18), read apart from the live request: it costs a match. */
export const PLACE_EXPECTATION = gql`
  query PlaceExpectation($id: ID!) {
    placementRequest(id: $id) {
      id
      status
      expectedPlace {
        within24h
        within72h
        inRegionWithin24h
        inRegionWithin72h
      }
    }
  }
`;

export const PLACEMENT_REQUEST = gql`
  query PlacementRequest($id: ID!) {
    placementRequest(id: $id) {
      ...RequestFields
    }
  }
  ${REQUEST_FIELDS}
`;

/**
 * `$after` and `sequence`: after a dropped socket the client resubscribes with the last sequence it
 * saw and first gets what it missed (api/resumable-subscription.ts).
 */
export const PLACEMENT_REQUEST_UPDATED = gql`
  subscription PlacementRequestUpdated($id: ID, $after: ID) {
    placementRequestUpdated(id: $id, after: $after) {
      sequence
      ...RequestFields
    }
  }
  ${REQUEST_FIELDS}
`;

/** "Mijn aanvragen" kept live: the row's fields only (no address, see CaseRowFields). */
export const CASE_ROW_UPDATED = gql`
  subscription CaseRowUpdated($after: ID) {
    placementRequestUpdated(after: $after) {
      sequence
      ...CaseRowFields
    }
  }
  ${CASE_ROW_FIELDS}
`;

export const CANCEL_PLACEMENT_REQUEST = gql`
  mutation CancelPlacementRequest($requestId: ID!, $reason: String!) {
    cancelPlacementRequest(requestId: $requestId, reason: $reason) {
      ...RequestFields
    }
  }
  ${REQUEST_FIELDS}
`;

/** The shelter desk's offers: open ones to answer, accepted ones to confirm arrival of. */
export const DESK_REQUESTS = gql`
  query DeskRequests($filter: PlacementRequestFilter) {
    placementRequests(filter: $filter, first: 50) {
      totalCount
      edges {
        node {
          ...RequestFields
          ...SummaryFields
        }
      }
    }
  }
  ${REQUEST_FIELDS}
  ${SUMMARY_FIELDS}
`;

/** "Mijn aanvragen": a row per request, no profile (the case's own page has the rest). */
export const MY_CASES = gql`
  query MyCases($filter: PlacementRequestFilter, $first: Int, $after: String) {
    placementRequests(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...CaseRowFields
        }
      }
    }
  }
  ${CASE_ROW_FIELDS}
`;

/**
 * A placing authority's worklist: the requests waiting for it, oldest first (the API scopes what
 * each role sees), with the minimal profile to decide on.
 */
export const WORKLIST = gql`
  query Worklist($filter: PlacementRequestFilter, $first: Int) {
    placementRequests(filter: $filter, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          ...WorklistFields
          ...SummaryFields
        }
      }
    }
  }
  ${WORKLIST_FIELDS}
  ${SUMMARY_FIELDS}
`;

/** The places the deciding authority may choose from for one request on its worklist (never the profile). */
export const PLACEMENT_CANDIDATES = gql`
  query PlacementCandidates($requestId: ID!, $first: Int) {
    placementCandidates(requestId: $requestId, first: $first) {
      matchCount
      matches {
        score
        placeableNow
        placeableAt
        freshness
        reasons
        reasonCodes {
          ...MatchReasonFields
        }
        decision
        decidedByOpenNow
        decidedByOpensAt
        decidedBy
        interimFor
        facility {
          id
          name
          secretAddress
          address
          type
          region {
            code
            name
          }
          capacity {
            available
          }
          availability {
            band
          }
        }
      }
      advice {
        code
        message
        bridgeFacilityId
        onwardFacilityId
        onwardPlaceableAt
      }
    }
  }
  ${MATCH_REASON_FIELDS}
`;

export const ASSIGN_PLACEMENT = gql`
  mutation AssignPlacement($requestId: ID!, $facilityId: ID!, $reason: String) {
    assignPlacement(requestId: $requestId, facilityId: $facilityId, reason: $reason) {
      ...RequestFields
    }
  }
  ${REQUEST_FIELDS}
`;

export const RETURN_REQUEST = gql`
  mutation ReturnRequest($requestId: ID!, $reason: String!) {
    returnRequest(requestId: $requestId, reason: $reason) {
      ...RequestFields
    }
  }
  ${REQUEST_FIELDS}
`;

export const RESPOND_TO_OFFER = gql`
  mutation RespondToOffer($input: OfferResponseInput!) {
    respondToOffer(input: $input) {
      ...RequestFields
    }
  }
  ${REQUEST_FIELDS}
`;

export const CONFIRM_ARRIVAL = gql`
  mutation ConfirmArrival($requestId: ID!) {
    confirmArrival(requestId: $requestId) {
      ...RequestFields
    }
  }
  ${REQUEST_FIELDS}
`;

export const CAPACITY_OVERVIEW = gql`
  query CapacityOverview($regionCodes: [ID!], $types: [ShelterType!]) {
    capacityOverview(regionCodes: $regionCodes, types: $types) {
      region {
        code
        name
      }
      type
      facilities
      total
      occupied
      held
      outOfService
      available
      staleShare
      secretFacilities
      secretAvailability
    }
  }
`;

export const OCCUPANCY_HISTORY = gql`
  query OccupancyHistory($from: DateTime!, $to: DateTime!, $bucket: TimeBucket!, $regionCodes: [ID!]) {
    occupancyHistory(from: $from, to: $to, bucket: $bucket, regionCodes: $regionCodes) {
      at
      regionCode
      type
      total
      occupied
      held
      outOfService
      available
      facilities
      facilitiesWithHistory
      complete
    }
  }
`;

export const STALE_SHARE_HISTORY = gql`
  query StaleShareHistory($from: DateTime!, $to: DateTime!, $bucket: TimeBucket!, $regionCodes: [ID!]) {
    staleShareHistory(from: $from, to: $to, bucket: $bucket, regionCodes: $regionCodes) {
      at
      regionCode
      facilities
      stale
      aging
      staleShare
    }
  }
`;

export const UNMET_DEMAND = gql`
  query UnmetDemand($from: DateTime!, $to: DateTime!, $regionCodes: [ID!]) {
    unmetDemand(from: $from, to: $to, regionCodes: $regionCodes) {
      requests
      waited
      escalated
      noodbedOverstays
      placedOutsideRegion
      byReason {
        reason
        requests
        suppressed
      }
      byNeed {
        need
        requests
        suppressed
      }
      timeToOffer {
        count
        medianMinutes
        p90Minutes
        suppressed
      }
      timeToPlacement {
        count
        medianMinutes
        p90Minutes
        suppressed
      }
    }
  }
`;

export const PLACEMENT_STATISTICS = gql`
  fragment Counts on StatisticCount {
    key
    count
    suppressed
  }
  query PlacementStatistics($year: Int!) {
    placementStatistics(year: $year) {
      year
      placements
      suppressionThreshold
      byExploitationType {
        ...Counts
      }
      byGender {
        ...Counts
      }
      byAgeBand {
        ...Counts
      }
      byShelterType {
        ...Counts
      }
      byRegion {
        ...Counts
      }
      left
      byOutcome {
        ...Counts
      }
    }
  }
`;

/** Who was told of a case (webhooks): the organisation, when, whether it arrived, whether a person saw it. */
const NOTIFICATION_FIELDS = gql`
  fragment NotificationFields on PlacementRequest {
    notifications {
      organisation
      contactFunction
      type
      at
      status
      deliveredAt
      acknowledgedAt
    }
  }
`;

/**
 * "Wie is ingelicht" on the case page: read apart from the request (an acknowledgement changes no
 * request, so no event brings it; the case page re-reads it).
 */
export const CASE_NOTIFICATIONS = gql`
  query CaseNotifications($id: ID!) {
    placementRequest(id: $id) {
      id
      ...NotificationFields
    }
  }
  ${NOTIFICATION_FIELDS}
`;

/**
 * The escalation worklist of a coordinator's regions (CoMensha: the country): the escalated
 * requests not yet placed, with why they wait and who was told. Only what a row shows: no history,
 * no profile, no places (a page of 100 stays far under the query cost limit).
 */
export const ESCALATIONS = gql`
  query Escalations($filter: PlacementRequestFilter, $first: Int) {
    placementRequests(filter: $filter, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          ...ListRowFields
          ...NotificationFields
        }
      }
    }
  }
  ${LIST_ROW_FIELDS}
  ${NOTIFICATION_FIELDS}
`;

/** The stays at this shelter, to end one when she leaves (the API shows staff only their own facilities'). */
export const DESK_STAYS = gql`
  query DeskStays {
    placementRequests(filter: { status: ["PLACED"], order: NEWEST_FIRST }, first: 50) {
      totalCount
      edges {
        node {
          ...RequestFields
          ...SummaryFields
        }
      }
    }
  }
  ${REQUEST_FIELDS}
  ${SUMMARY_FIELDS}
`;

export const END_PLACEMENT = gql`
  mutation EndPlacement($requestId: ID!, $reason: String!, $outcome: StayOutcome, $places: Int) {
    endPlacement(requestId: $requestId, reason: $reason, outcome: $outcome, places: $places) {
      ...RequestFields
    }
  }
  ${REQUEST_FIELDS}
`;

/**
 * The case over time on its own page: her profile version and the transfer path (the stay she
 * moves from, the transfer from this stay), each side only as far as the viewer may see it.
 */
const CASE_PATH_FIELDS = gql`
  fragment CasePathFields on PlacementRequest {
    id
    status
    waitingReason
    profileVersion
    transferReason
    transferOf {
      id
      status
    }
    transfer {
      id
      status
      transferReason
    }
  }
`;

export const CASE_PATH = gql`
  query CasePath($id: ID!) {
    placementRequest(id: $id) {
      ...CasePathFields
    }
  }
  ${CASE_PATH_FIELDS}
`;

/** "Profiel bijwerken": only the fields given change; answers with the request and any transfer it opened. */
export const UPDATE_VICTIM_PROFILE = gql`
  mutation UpdateVictimProfile($requestId: ID!, $changes: VictimProfileChangeInput!, $reason: String!) {
    updateVictimProfile(requestId: $requestId, changes: $changes, reason: $reason) {
      ...CasePathFields
    }
  }
  ${CASE_PATH_FIELDS}
`;

/** "Routebesluit vastleggen": the screeningsoverleg's route for criminal exploitation (003:490). */
export const RECORD_ROUTE_DECISION = gql`
  mutation RecordRouteDecision($requestId: ID!, $shelter: Boolean!, $reason: String!) {
    recordRouteDecision(requestId: $requestId, shelter: $shelter, reason: $reason) {
      ...CasePathFields
    }
  }
  ${CASE_PATH_FIELDS}
`;

/** "Overplaatsing aanvragen": answers with the transfer (or her stay when the transfer's region is not the viewer's). */
export const REQUEST_TRANSFER = gql`
  mutation RequestTransfer($requestId: ID!, $reason: TransferReason!, $regionCode: ID, $note: String) {
    requestTransfer(requestId: $requestId, reason: $reason, regionCode: $regionCode, note: $note) {
      ...CasePathFields
    }
  }
  ${CASE_PATH_FIELDS}
`;

/** What the case already says for "Melden bij CoMensha": its region and the minimal profile. */
export const REGISTRATION_PREFILL = gql`
  query RegistrationPrefill($id: ID!) {
    placementRequest(id: $id) {
      id
      regionCode
      profileSummary {
        gender
        ageBand
      }
    }
  }
`;

/** Registration with CoMensha (002:803): the facts the national registration counts, no name. */
export const REGISTER_VICTIM = gql`
  mutation RegisterVictim($input: RegisterVictimInput!) {
    registerVictim(input: $input) {
      id
      member
      registeredAt
    }
  }
`;

/** CoMensha's (or a coordinator's regions') registrations, newest first: only what the list shows. */
export const VICTIM_REGISTRATIONS = gql`
  query VictimRegistrations($first: Int!) {
    victimRegistrations(first: $first) {
      totalCount
      nodes {
        id
        regionCode
        gender
        ageBand
        exploitationTypes
        signalledBy
        requestId
        member
        registeredAt
        registeredByOrg
      }
    }
  }
`;

/** "Acties": the planned actions this person may see, soonest first; only what a row shows. */
const PLANNED_ACTION_ROW = gql`
  fragment PlannedActionRow on PlannedAction {
    id
    status
    regionCode
    startsAt
    endsAt
    onBehalfOf
    onBehalfOfOrganisation
    expectedCount
    reservedCount
    shortfallCount
    everyoneSheltered
  }
`;

export const PLANNED_ACTIONS = gql`
  query PlannedActions($status: [PlannedActionStatus!]) {
    plannedActions(status: $status) {
      ...PlannedActionRow
    }
  }
  ${PLANNED_ACTION_ROW}
`;

/** Planning one answers at once: per expected outline the places reserved, and the shortfall with why (003:493-496). */
export const PLAN_ACTION = gql`
  mutation PlanAction($input: PlannedActionInput!) {
    planAction(input: $input) {
      ...PlannedActionRow
      expected {
        count
        gender
        minor
        exploitationTypes
        reserved {
          facilityId
          facilityName
          facilityType
          places
        }
        shortfall {
          count
          reasons
        }
      }
    }
  }
  ${PLANNED_ACTION_ROW}
`;

export const CANCEL_PLANNED_ACTION = gql`
  mutation CancelPlannedAction($id: ID!, $reason: String!) {
    cancelPlannedAction(id: $id, reason: $reason) {
      ...PlannedActionRow
    }
  }
  ${PLANNED_ACTION_ROW}
`;

/** The shelter desk: places reserved at this facility for planned actions, and their windows. Nothing more. */
export const FACILITY_RESERVATIONS = gql`
  query FacilityReservations($facilityId: ID!) {
    facilityReservations(facilityId: $facilityId) {
      facilityId
      places
      startsAt
      endsAt
    }
  }
`;

/** A shelter's own response figures ("uw reactietijd", issue 18): the last 30 days, exact. */
export const MY_OFFER_RESPONSES = gql`
  query MyOfferResponses {
    myOfferResponses {
      from
      to
      facilities {
        facilityId
        facilityName
        figures {
          offers
          accepted
          declined
          lapsed
          withdrawn
          minutesToRespond {
            count
            medianMinutes
            p90Minutes
          }
        }
      }
    }
  }
`;

/** Shelters' response figures for planners and CoMensha (issue 18): small counts suppressed. */
export const OFFER_RESPONSES = gql`
  query OfferResponses($from: DateTime!, $to: DateTime!, $regionCodes: [ID!]) {
    offerResponses(from: $from, to: $to, regionCodes: $regionCodes) {
      suppressionThreshold
      regions {
        regionCode
        type
        figures {
          ...OfferResponseFiguresFields
        }
      }
      facilities {
        facilityId
        facilityName
        type
        regionCode
        figures {
          ...OfferResponseFiguresFields
        }
      }
      secretFacilities {
        type
        figures {
          ...OfferResponseFiguresFields
        }
      }
    }
  }

  fragment OfferResponseFiguresFields on OfferResponseFigures {
    suppressed
    offers
    accepted
    declined
    lapsed
    minutesToRespond {
      medianMinutes
      p90Minutes
    }
  }
`;
