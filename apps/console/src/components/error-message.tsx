import { useEffect, useRef } from 'react';
import type { CombinedError } from 'urql';
import { readableErrors, type ReadableError } from '../api/errors';
import { refusalWords, scrubbed } from '../i18n/api-words';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

const KNOWN = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  'NETWORK',
]);

/**
 * An API error as words in the chosen language: the code's name, then what to do, with the field the
 * API named ("Controleer: Reden."). The API's own (English) message is kept in the title for whoever
 * helps; it is shown only for a code this console does not know, with its codes put into words.
 */
export function ErrorMessage({
  error,
  errors,
  focus = false,
}: {
  error?: CombinedError | null;
  errors?: ReadableError[];
  /** Moves the focus to the error when it appears (after a submit, so it is not lost on the body). */
  focus?: boolean;
}) {
  const i18n = useI18n();
  const { t, f, label } = i18n;
  const list = errors ?? readableErrors(error);
  const box = useRef<HTMLDivElement>(null);
  const shown = list.length > 0;
  useEffect(() => {
    if (focus && shown) box.current?.focus();
  }, [focus, shown, error, errors]);
  if (!shown) return null;
  const fieldWords = (field: string) => {
    // `profile.languages[0]`: the field is "languages", whichever of its items it was.
    const name = (field.split('.').pop() ?? field).replace(/\[\d+\]$/, '');
    const said = label('field', name);
    return said === name ? label('field', 'profile') : said;
  };
  // A refusal with a reason this console knows is said as that reason, under its own heading
  // (CoMensha closed is "Nu niet mogelijk", not a "Conflict" someone else caused).
  const because = (item: ReadableError) => (item.reason ? refusalWords(i18n, item.reason) : null);
  const heading = (item: ReadableError): string => {
    if (because(item) !== null) return label('error', item.reason!.code);
    return KNOWN.has(item.code) ? label('error', item.code) : t('error.UNKNOWN');
  };
  const detail = (item: ReadableError): string => {
    const reason = because(item);
    if (reason !== null) return reason;
    if (item.code === 'BAD_USER_INPUT' && item.field) return f('errorText.field', { field: fieldWords(item.field) });
    if (KNOWN.has(item.code)) return t(`errorText.${item.code}` as MessageKey);
    return scrubbed(i18n, item.message);
  };
  return (
    <div className="error-box" role="alert" ref={box} tabIndex={focus ? -1 : undefined}>
      {list.map((item, index) => (
        <p
          key={index}
          data-code={item.code}
          data-field={item.field}
          data-reason={item.reason?.code}
          title={item.code === 'NETWORK' ? undefined : item.message}
        >
          <strong>{heading(item)}</strong>: {detail(item)}
        </p>
      ))}
    </div>
  );
}
