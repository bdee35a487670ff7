import type { Viewer } from '@opvangplek/access';
import { NIDOS_ORGANISATION, PlacingAuthority, Role } from '@opvangplek/domain';
import { isUuid } from '@opvangplek/platform';
import type { SelectQueryBuilder } from 'typeorm';
import type { PlacementRequestEntity } from './placement-request.entity';

/**
 * Which requests a caller may see (issue: privacy): coordinators their regions (and a move other than
 * a safety move from a stay in them), CoMensha all
 * (national), police and NLA their own organisation's, shelter staff those offered to or placed at
 * their facilities, ADMIN all; planners none (aggregates only). Applied in SQL, so lists and counts
 * never include what the caller may not see.
 */
export function scopeRequests(
  query: SelectQueryBuilder<PlacementRequestEntity>,
  viewer: Viewer,
  alias = 'r',
): SelectQueryBuilder<PlacementRequestEntity> {
  switch (viewer.role) {
    case Role.ADMIN:
    case Role.COMENSHA:
      return query;
    case Role.ZORGCOORDINATOR:
      // Their regions' requests, and a move (not a safety move) from a stay in their regions: they asked for it.
      return query.andWhere(
        `(${alias}.regionCode IN (:...viewerRegions) OR (${alias}.transferReason IS NOT NULL AND ${alias}.transferReason <> 'SAFETY' AND EXISTS (SELECT 1 FROM placement_requests leaving WHERE leaving.id = ${alias}.bridgeRequestId AND leaving.region_code IN (:...viewerRegions))))`,
        { viewerRegions: viewer.regions.length ? viewer.regions : [''] },
      );
    case Role.POLICE:
      return query.andWhere(`${alias}.requestedByOrg = :viewerOrg`, { viewerOrg: viewer.org });
    case Role.NLA:
      // Their own requests, and those on the NLA's worklist (domain.md §5a).
      return query.andWhere(`(${alias}.requestedByOrg = :viewerOrg OR ${alias}.waitingForAuthority = 'NLA')`, {
        viewerOrg: viewer.org,
      });
    case Role.SHELTER_STAFF:
      return query.andWhere(
        // A parallel offer another shelter took stays visible to its staff, to say so and when (the mapper shows them little else).
        `EXISTS (SELECT 1 FROM placement_holds h WHERE h.request_id = ${alias}.id AND h.facility_id = ANY(:viewerFacilities::uuid[]) AND (h.state <> 'RELEASED' OR h.taken_elsewhere_at IS NOT NULL))`,
        { viewerFacilities: viewer.facilityIds.filter(isUuid) },
      );
    case Role.JEUGDBESCHERMING:
      // Their own requests, and the youth-care worklist (domain.md §5a): Nidos the unaccompanied
      // foreign minors of the whole country (003:689-695), other youth-care organisations the
      // other minors of their own regions.
      if (viewer.org === NIDOS_ORGANISATION) {
        return query.andWhere(
          `(${alias}.requestedByOrg = :viewerOrg OR (${alias}.waitingForAuthority = 'JEUGDBESCHERMING' AND ${alias}.waitingForOrganisation = :nidos))`,
          { viewerOrg: viewer.org, nidos: NIDOS_ORGANISATION },
        );
      }
      return query.andWhere(
        `(${alias}.requestedByOrg = :viewerOrg OR (${alias}.waitingForAuthority = 'JEUGDBESCHERMING' AND ${alias}.waitingForOrganisation IS NULL AND ${alias}.regionCode IN (:...viewerRegions)))`,
        { viewerOrg: viewer.org, viewerRegions: viewer.regions.length ? viewer.regions : [''] },
      );
    case Role.PLANNER:
      return query.andWhere('false');
    default: {
      const unhandled: never = viewer.role;
      throw new Error(`no request scope for role ${String(unhandled)}`);
    }
  }
}

/** Roles that may submit a placement request, and for which region. */
export function mayRequestFor(viewer: Viewer, regionCode: string): boolean {
  if (viewer.role === Role.ZORGCOORDINATOR) return viewer.regions.includes(regionCode);
  // Youth-care organisations request for the minors they are responsible for (Nidos nationally).
  return [Role.COMENSHA, Role.NLA, Role.JEUGDBESCHERMING, Role.ADMIN].includes(viewer.role);
}

/**
 * Who may see the minimal profile of a request (issue: privacy): staff of a facility it holds or
 * occupies places at, the requesting organisation, the region's coordinators and CoMensha.
 * Not PLANNER (aggregates only), not ADMIN (manages the register, not cases).
 */
export function maySeeProfileSummary(
  viewer: Viewer,
  request: PlacementRequestEntity,
  facilityIdsOfRequest: readonly string[],
): boolean {
  switch (viewer.role) {
    case Role.COMENSHA:
      return true;
    case Role.ZORGCOORDINATOR:
      return viewer.regions.includes(request.regionCode);
    case Role.POLICE:
      return viewer.org === request.requestedByOrg;
    // The deciding authority needs the minimal profile of what is on its worklist (domain.md §5a).
    case Role.NLA:
      return viewer.org === request.requestedByOrg || request.waitingForAuthority === PlacingAuthority.NLA;
    case Role.JEUGDBESCHERMING:
      return (
        viewer.org === request.requestedByOrg ||
        (request.waitingForAuthority === PlacingAuthority.JEUGDBESCHERMING &&
          (viewer.org === NIDOS_ORGANISATION
            ? request.waitingForOrganisation === NIDOS_ORGANISATION
            : request.waitingForOrganisation === null && viewer.regions.includes(request.regionCode)))
      );
    case Role.SHELTER_STAFF:
      return facilityIdsOfRequest.some((id) => viewer.facilityIds.includes(id));
    case Role.PLANNER:
    case Role.ADMIN:
      return false;
    default: {
      const unhandled: never = viewer.role;
      throw new Error(`no profile rule for role ${String(unhandled)}`);
    }
  }
}
