import { Role, ShelterType } from '@opvangplek/domain';

type RequestShape = {
  regionCode: string;
  types: readonly ShelterType[];
  bridgeRequestId: string | null;
  requestedByRole: Role;
};

/** The police's noodbed call itself (requestNoodbed): a request for a noodbed that follows nothing. */
export function isNoodbedCall(request: Pick<RequestShape, 'types' | 'bridgeRequestId'>): boolean {
  return request.types.includes(ShelterType.NOODBED) && request.bridgeRequestId === null;
}

/** The onward request a police noodbed call opened: it follows an interim place, and police asked for it. */
export function isNoodbedOnward(request: Pick<RequestShape, 'bridgeRequestId' | 'requestedByRole'>): boolean {
  return request.bridgeRequestId !== null && request.requestedByRole === Role.POLICE;
}

/**
 * Where she was found, as far as the request itself says it: the police noodbed call's
 * `regionCode` is "where the person was found" (the contract), and the onward request it opens
 * keeps that region. The matcher uses it when her profile names no `foundInMunicipality`, so the
 * Humanitas noodbed, "voor slachtoffers die aangetroffen worden in de gemeenten van de regio's
 * Zuid-Holland Zuid en Rotterdam Rijnmond" (002:749-753), is not closed to an officer who gave the
 * region alone. Any other request names the region it is for, which says nothing of where she was
 * found: null.
 */
export function regionFoundIn(request: RequestShape): string | null {
  return isNoodbedCall(request) || isNoodbedOnward(request) ? request.regionCode : null;
}
