import { Injectable } from '@nestjs/common';
import type { Viewer } from '@opvangplek/access';
import { mergedReservation, PlannedActionStatus, shownReservationState, shownShortfall } from '@opvangplek/domain';
import { RegisterReader } from '@opvangplek/capacity';
import { shownFacilityName, mayKnowLocation } from '@opvangplek/registry';
import type { PlannedActionModel, ReservedPlacesModel } from './models/planned-action.model';
import { PlannedActionRepository, type PlannedActionRow } from './planned-action.repository';

/** How the merged row of secret-address reservations is named: no facility, no region. */
export const SECRET_ADDRESS_SHELTERS = 'secret-address shelters';

/** A planned action as its planning organisations see it (they are the only ones who get one). */
@Injectable()
export class PlannedActionMapper {
  constructor(
    private readonly repository: PlannedActionRepository,
    private readonly register: RegisterReader,
  ) {}

  async render(viewer: Viewer, actions: PlannedActionRow[]): Promise<PlannedActionModel[]> {
    const reservations = await this.repository.reservationsOf(actions.map((action) => action.id));
    const facilityIds = [...new Set(reservations.map((reservation) => reservation.facilityId))];
    const facilities = new Map(
      (facilityIds.length ? await this.register.load({ ids: facilityIds }) : []).map((facility) => [facility.id, facility]),
    );
    return Promise.all(
      actions.map(async (action) => {
        const requestIds = (await this.repository.requestsOf(action.id)).map((link) => link.requestId);
        // From the window's start the view says what was really held then (red team F8).
        const started = action.status === PlannedActionStatus.STARTED || requestIds.length > 0;
        const own = reservations.filter((reservation) => reservation.actionId === action.id);
        const expected = action.outlines.map((outline, index) => {
          const ofOutline = own.filter((reservation) => reservation.outlineIndex === index);
          const located = ofOutline.filter((reservation) => mayKnowLocation(viewer, facilities.get(reservation.facilityId)!));
          const secret = ofOutline.filter((reservation) => !located.includes(reservation));
          const reserved: ReservedPlacesModel[] = located.map((reservation) => {
            const facility = facilities.get(reservation.facilityId)!;
            return {
              facilityId: reservation.facilityId,
              facilityName: shownFacilityName(facility, true),
              facilityType: facility.type,
              places: reservation.places,
              converted: reservation.converted,
              notHeld: reservation.notHeld,
              state: shownReservationState(reservation),
            };
          });
          // Secret addresses the caller may not locate: one row for all of them, so no secret
          // facility's free places (what a large plan reserves there) can be read (red team F2).
          const merged = mergedReservation(secret);
          if (merged) reserved.push({ facilityId: null, facilityName: SECRET_ADDRESS_SHELTERS, facilityType: null, ...merged });
          return {
            count: outline.count,
            gender: outline.gender,
            minor: outline.minor,
            exploitationTypes: outline.exploitationTypes,
            residenceStatus: outline.residenceStatus ?? null,
            shortfall: shownShortfall(outline, ofOutline, started),
            reserved,
          };
        });
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
          requestIds,
          cancelledAt: action.cancelledAt,
          createdAt: action.createdAt,
        };
      }),
    );
  }
}
