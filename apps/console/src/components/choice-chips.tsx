import { useI18n } from '../i18n/i18n';

/** A set of toggles for enum values (several may be on), labelled from the dictionary. */
export function ChoiceChips<T extends string>(props: {
  legend: string;
  group: string;
  options: readonly T[];
  value: T[];
  onChange(value: T[]): void;
  name: string;
}) {
  const { label } = useI18n();
  return (
    <fieldset className="chips">
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option} className="chip">
          <input
            type="checkbox"
            name={props.name}
            value={option}
            checked={props.value.includes(option)}
            onChange={(event) =>
              props.onChange(event.target.checked ? [...props.value, option] : props.value.filter((item) => item !== option))
            }
          />
          {label(props.group, option)}
        </label>
      ))}
    </fieldset>
  );
}
