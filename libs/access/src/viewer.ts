import { Role } from '@opvangplek/domain';

/** The authenticated caller, from the token's claims (api-contract.md "Identity"). */
export interface Viewer {
  /** Token subject: a person's pseudonymous id at their organisation's identity provider. */
  sub: string;
  role: Role;
  /** Organisation, e.g. `avim-rotterdam`. */
  org: string;
  /** Region codes the caller works for. */
  regions: string[];
  /** Facilities a SHELTER_STAFF caller works at. */
  facilityIds: string[];
}
