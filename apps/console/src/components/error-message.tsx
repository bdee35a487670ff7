import type { CombinedError } from 'urql';
import { readableErrors, type ReadableError } from '../api/errors';
import { useI18n } from '../i18n/i18n';

/** An API error as words: the code's name in the chosen language, then the API's own message. */
export function ErrorMessage({ error, errors }: { error?: CombinedError | null; errors?: ReadableError[] }) {
  const { label } = useI18n();
  const list = errors ?? readableErrors(error);
  if (list.length === 0) return null;
  return (
    <div className="error-box" role="alert">
      {list.map((item, index) => (
        <p key={index} data-code={item.code}>
          <strong>{label('error', item.code)}</strong>: {item.message}
        </p>
      ))}
    </div>
  );
}
