/**
 * When each placing authority can place (domain.md §5 rule 2: "a kind whose authority is outside
 * its hours cannot be placed now"). Configuration: the platform may replace any entry.
 */
import { PlacingAuthority } from '../enums';
import { OpeningHours } from '../register';

/** Opening hours per placing authority; `null` = always reachable. */
export type AuthorityHours = Record<PlacingAuthority, OpeningHours | null>;

/** CoMensha's office hours in the documents' time (domain.md:65; "kantoortijden", 000:2136-2139). */
export const COMENSHA_OFFICE_HOURS: Readonly<OpeningHours> = {
  days: [1, 2, 3, 4, 5],
  opens: '09:00',
  closes: '17:00',
  closedOnPublicHolidays: true,
};

/** CoMensha's hours as it has published them since (domain.md:65); opt in through configuration. */
export const COMENSHA_PUBLISHED_HOURS: Readonly<OpeningHours> = {
  days: [1, 2, 3, 4, 5],
  opens: '08:00',
  closes: '19:00',
  closedOnPublicHolidays: true,
};

export const DEFAULT_AUTHORITY_HOURS: Readonly<AuthorityHours> = {
  // COSM and OMM placement "kan alleen tijdens kantoortijden" (000:2136-2139, domain.md:15-16, :63-65).
  [PlacingAuthority.COMENSHA]: COMENSHA_OFFICE_HOURS,
  // VO/MO intake is 24/7 by default (domain.md:29-30, "not in the documents"): the regional crisis
  // line of the shelter takes people in at night; the zorgcoördinator follows up.
  [PlacingAuthority.ZORGCOORDINATOR]: null,
  // NLA places "te allen tijde" (003:486, domain.md:69).
  [PlacingAuthority.NLA]: null,
  // AVIM/KMar find victims "at any hour" and deploy the noodbed then (domain.md:67-68, 002:761-767).
  [PlacingAuthority.POLICE]: null,
  // Jeugdzorg intake is 24/7 (domain.md:35); Nidos decides "bij de geringste indicatie" (003:695).
  [PlacingAuthority.JEUGDBESCHERMING]: null,
};
