import { Injectable } from '@nestjs/common';
import { shownFacilityName } from '@opvangplek/registry/facility-view.mapper';
import { RegistryService } from '@opvangplek/registry/registry.service';
import type { PlannedActionModel } from './models/planned-action.model';
import { PlannedActionRepository, type PlannedActionRow } from './planned-action.repository';

/** A planned action as its planning organisations see it (they are the only ones who get one). */
@Injectable()
export class PlannedActionMapper {
  constructor(
    private readonly repository: PlannedActionRepository,
    private readonly registry: RegistryService,
  ) {}

  async render(actions: PlannedActionRow[]): Promise<PlannedActionModel[]> {
    const reservations = await this.repository.reservationsOf(actions.map((action) => action.id));
    const facilityIds = [...new Set(reservations.map((reservation) => reservation.facilityId))];
    const facilities = new Map(
      (facilityIds.length ? await this.registry.load({ ids: facilityIds }) : []).map((facility) => [facility.id, facility]),
    );
    return Promise.all(
      actions.map(async (action) => {
        const own = reservations.filter((reservation) => reservation.actionId === action.id);
        const expected = action.outlines.map((outline, index) => ({
          count: outline.count,
          gender: outline.gender,
          minor: outline.minor,
          exploitationTypes: outline.exploitationTypes,
          residenceStatus: outline.residenceStatus ?? null,
          shortfall: outline.shortfall,
          reserved: own
            .filter((reservation) => reservation.outlineIndex === index)
            .map((reservation) => {
              const facility = facilities.get(reservation.facilityId)!;
              return {
                facilityId: reservation.facilityId,
                // A secret address by its kind and region, as in a request's history.
                facilityName: shownFacilityName(facility, false),
                facilityType: facility.type,
                places: reservation.places,
                converted: reservation.converted,
                state: reservation.state,
              };
            }),
        }));
        const expectedCount = expected.reduce((sum, outline) => sum + outline.count, 0);
        const shortfallCount = expected.reduce((sum, outline) => sum + outline.shortfall.count, 0);
        return {
          id: action.id,
          regionCode: action.regionCode,
          onBehalfOf: action.onBehalfOf,
          onBehalfOfOrganisation: action.onBehalfOfOrg,
          plannedByOrganisation: action.plannedByOrg,
          startsAt: action.startsAt,
          endsAt: action.endsAt,
          status: action.status,
          everyoneSheltered: shortfallCount === 0,
          expectedCount,
          reservedCount: expectedCount - shortfallCount,
          shortfallCount,
          expected,
          requestIds: (await this.repository.requestsOf(action.id)).map((link) => link.requestId),
          cancelledAt: action.cancelledAt,
          createdAt: action.createdAt,
        };
      }),
    );
  }
}
