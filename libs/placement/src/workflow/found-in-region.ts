import { Role, ShelterType } from '@opvangplek/domain';

/**
 * Where she was found, as far as the request itself says it: the police noodbed call's
 * `regionCode` is "where the person was found" (the contract), and the onward request it opens
 * keeps that region. The matcher uses it when her profile names no `foundInMunicipality`, so the
 * Humanitas noodbed, "voor slachtoffers die aangetroffen worden in de gemeenten van de regio's
 * Zuid-Holland Zuid en Rotterdam Rijnmond" (002:749-753), is not closed to an officer who gave the
 * region alone. Any other request names the region it is for, which says nothing of where she was
 * found: null.
 */
export function regionFoundIn(request: {
  regionCode: string;
  types: readonly ShelterType[];
  bridgeRequestId: string | null;
  requestedByRole: Role;
}): string | null {
  const noodbedCall = request.types.includes(ShelterType.NOODBED) && request.bridgeRequestId === null;
  const itsOnwardRequest = request.bridgeRequestId !== null && request.requestedByRole === Role.POLICE;
  return noodbedCall || itsOnwardRequest ? request.regionCode : null;
}
