import { useQuery } from 'urql';
import { RegionsDocument } from '../api/generated';
import type { RegionWithCentre } from '../api/types';
import { ChoiceChips } from './choice-chips';

/** The national regions, in the API's order; urql's cache answers every caller after the first. */
export function useRegions(): RegionWithCentre[] {
  const [{ data }] = useQuery({ query: RegionsDocument });
  return data?.regions ?? [];
}

/** One region to choose, shown by name; `emptyLabel` is the choice of none (all, unknown, …). */
export function RegionSelect(props: {
  label: string;
  name: string;
  value: string;
  emptyLabel: string;
  required?: boolean;
  onChange(regionCode: string): void;
}) {
  const regions = useRegions();
  return (
    <label>
      {props.label}
      <select
        name={props.name}
        value={props.value}
        required={props.required}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{props.emptyLabel}</option>
        {regions.map((region) => (
          <option key={region.code} value={region.code}>
            {region.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Several regions to choose (toggles, as ChoiceChips), shown by name. */
export function RegionChips(props: { legend: string; name: string; value: string[]; onChange(regionCodes: string[]): void }) {
  const regions = useRegions();
  return (
    <ChoiceChips
      legend={props.legend}
      group="region"
      name={props.name}
      options={regions.map((region) => region.code)}
      labelOf={(code) => regions.find((region) => region.code === code)?.name ?? code}
      value={props.value}
      onChange={props.onChange}
    />
  );
}
