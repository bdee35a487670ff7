import { useI18n } from '../i18n/i18n';

/**
 * A set of toggles (several may be on), labelled from the dictionary or by `labelOf`. Checkboxes,
 * not a multiple-select list box: Tab and Space keep every earlier choice, where a list box's arrow
 * keys replace the whole selection.
 */
export function ChoiceChips<T extends string>(props: {
  legend: string;
  group: string;
  options: readonly T[];
  value: T[];
  onChange(value: T[]): void;
  name: string;
  labelOf?(option: T): string;
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
          {props.labelOf ? props.labelOf(option) : label(props.group, option)}
        </label>
      ))}
    </fieldset>
  );
}
