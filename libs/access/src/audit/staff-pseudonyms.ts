import { createHmac } from 'node:crypto';

/** The role whose organisation and subject can name a secret shelter (its operator, its town). */
const SHELTER_STAFF = 'SHELTER_STAFF';

/** What the audit view shows of an actor. */
export interface AuditActorView {
  actorSub: string;
  actorRole: string;
  actorOrg: string;
}

/**
 * Shelter staff appear in the audit view under stable pseudonyms (issue 12: a secret facility is
 * anonymous to everyone who may not locate it, audit views included). Their organisation and
 * subject name the operator ("blijf-den-helder"), and next to the row's facility id that locates a
 * secret shelter; the view cannot tell secret from public staff (the token carries no such fact), so
 * every shelter's staff are pseudonymous — the facility id still says which public shelter acted.
 *
 * Keyed (HMAC), not a plain hash: an organisation's name is guessable, and sha256("blijf-den-helder")
 * would be recomputed by anyone with a list of operators. Stable, so an ADMIN still sees that one
 * worker did this and that; whoever holds the key and the database can resolve a pseudonym.
 */
export class StaffPseudonyms {
  constructor(private readonly key: Buffer) {}

  /** The actor as the audit view shows it: shelter staff pseudonymous, everyone else as recorded. */
  view<T extends AuditActorView>(row: T): T {
    if (row.actorRole !== SHELTER_STAFF) return row;
    return { ...row, actorSub: this.of('staff', row.actorSub), actorOrg: this.of('shelter', row.actorOrg) };
  }

  /** Whether `pseudonym` is what the view shows for the shelter organisation `org`. */
  isOrganisation(pseudonym: string, org: string): boolean {
    return this.of('shelter', org) === pseudonym;
  }

  private of(kind: 'staff' | 'shelter', value: string): string {
    const mac = createHmac('sha256', this.key).update(`audit-pseudonym\0${kind}\0${value}`).digest('base64url');
    return `${kind}-${mac.slice(0, 12)}`;
  }
}
