/**
 * Dutch phone numbers, as a facility's intake line is written down by people (`010-123 45 67`,
 * `+31 (0)10 1234567`, `0031 10 1234567`) and as it is stored and dialled: E.164 (`+31101234567`),
 * so a `tel:` link works from any phone, also one abroad or on a foreign SIM.
 */

/** What the error messages show as the accepted forms. */
export const DUTCH_PHONE_NUMBER_FORMS =
  '10 digits starting with 0 (010 123 4567, 06 1234 5678) or +31 and 9 digits (+31 10 123 4567)';

/** Separators people write between digit groups; nothing else is allowed in the text. */
const SEPARATORS = /[\s\-.()/]/g;

/**
 * The national significant number (what follows 0 or +31): 9 digits not starting with 0 for
 * geographic, mobile and company numbers; the free and paid information numbers (0800, 0900, 0906,
 * 0909) have 4 or 7 digits after their prefix.
 */
const REGULAR_NUMBER = /^[1-9]\d{8}$/;
const SERVICE_NUMBER = /^(800|900|906|909)(\d{4}|\d{7})$/;

/**
 * The E.164 form of a Dutch phone number, or `null` when the text is not one. The trunk prefix
 * written after the country code (`+31 (0)10 …`) is dropped, as people often write it so.
 */
export function toE164DutchPhoneNumber(text: string): string | null {
  let rest = text
    .trim()
    .replace(/^\+31\s*\(0\)/, '+31')
    .replace(SEPARATORS, '');
  if (rest.startsWith('+31')) rest = rest.slice(3);
  else if (rest.startsWith('0031')) rest = rest.slice(4);
  else if (/^0[1-9]/.test(rest)) rest = rest.slice(1);
  else return null;
  return REGULAR_NUMBER.test(rest) || SERVICE_NUMBER.test(rest) ? `+31${rest}` : null;
}

/** Whether a stored number is already in the E.164 form `toE164DutchPhoneNumber` gives. */
export function isE164DutchPhoneNumber(value: string): boolean {
  return value.startsWith('+31') && toE164DutchPhoneNumber(value) === value;
}
