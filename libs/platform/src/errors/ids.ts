import { InvalidInputError } from './app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` has the shape of an id (a UUID): checked before it reaches SQL, where a cast would fail. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A clear BAD_USER_INPUT naming the field when `id` is not an id of `what` (e.g. "a facility id"). */
export function assertUuid(id: string, field: string, what: string): void {
  if (!isUuid(id)) throw new InvalidInputError(field, `${field} must be ${what} (a UUID), got "${id.slice(0, 60)}"`);
}
