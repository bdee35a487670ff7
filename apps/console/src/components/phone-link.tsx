import { useI18n } from '../i18n/i18n';

/**
 * Two-digit Dutch area codes (the rest have three): enough to write a number the way it is read
 * out at 03:00, `010 000 1234`, `0546 123 456`, `06 1234 5678`.
 */
const TWO_DIGIT_AREAS = new Set([
  '10',
  '13',
  '15',
  '20',
  '23',
  '24',
  '26',
  '30',
  '33',
  '35',
  '36',
  '38',
  '40',
  '43',
  '45',
  '46',
  '50',
  '53',
  '55',
  '58',
  '70',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '77',
  '78',
  '79',
]);

/** An E.164 Dutch number (`+31101234567`) as people write it; any other text as it came. */
export function phoneWords(e164: string): string {
  if (!/^\+31\d+$/.test(e164)) return e164;
  const national = e164.slice(3);
  if (/^(800|900|906|909)/.test(national)) return `0${national.slice(0, 3)} ${national.slice(3)}`;
  if (national.length !== 9) return `0${national}`;
  if (national.startsWith('6')) return `06 ${national.slice(1, 5)} ${national.slice(5)}`;
  const area = TWO_DIGIT_AREAS.has(national.slice(0, 2)) ? 2 : 3;
  const subscriber = national.slice(area);
  return `0${national.slice(0, area)} ${subscriber.slice(0, subscriber.length - 4)} ${subscriber.slice(-4)}`;
}

/**
 * A facility's intake line as a `tel:` link: one tap calls it on a phone. The API gives the number
 * only to whoever may see the address, so this shows what it was given and nothing else.
 */
export function PhoneLink({ number, name }: { number: string; name: string }) {
  const { f } = useI18n();
  const shown = phoneWords(number);
  return (
    <a
      className="phone-link"
      href={`tel:${number}`}
      aria-label={f('phone.call', { name, number: shown })}
      data-testid="intake-phone"
    >
      {shown}
    </a>
  );
}
