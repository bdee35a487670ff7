import { useI18n } from '../i18n/i18n';

/** A select over enum values with an empty "unknown" choice (most profile fields are optional). */
export function EnumSelect(props: {
  label: string;
  name: string;
  group: string;
  options: readonly string[];
  value: string;
  onChange(value: string): void;
  required?: boolean;
  /** The words of the empty choice, when "onbekend" is not right for it. */
  emptyLabel?: string;
}) {
  const { t, label } = useI18n();
  return (
    <label>
      {props.label}
      <select
        name={props.name}
        value={props.value}
        required={props.required}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{props.emptyLabel ?? (props.required ? '—' : t('request.unknown'))}</option>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {label(props.group, option)}
          </option>
        ))}
      </select>
    </label>
  );
}
