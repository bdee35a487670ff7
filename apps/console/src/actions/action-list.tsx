import type { PlannedActionRow } from '../api/types';
import { useRegions } from '../components/region-select';
import { useI18n } from '../i18n/i18n';
import { momentWords } from '../i18n/time-words';
import { CancelAction } from './cancel-action';

/** The planned actions this person may see, soonest first: where, when, for whom, and how many have a place. */
export function ActionList({ actions, onChanged }: { actions: PlannedActionRow[]; onChanged(): void }) {
  const i18n = useI18n();
  const { t, f, label } = i18n;
  const regions = useRegions();
  const regionName = (code: string) => regions.find((region) => region.code === code)?.name ?? code;
  if (actions.length === 0) return <p className="hint">{t('actions.none')}</p>;
  return (
    <ul className="planned-actions">
      {actions.map((action) => {
        const window = `${momentWords(i18n, action.startsAt)} – ${momentWords(i18n, action.endsAt)}`;
        return (
          <li key={action.id} data-action-id={action.id} data-status={action.status}>
            <strong>{regionName(action.regionCode)}</strong>, {window} · {label('partner', action.onBehalfOf)} (
            {action.onBehalfOfOrganisation}) · {label('actionStatus', action.status)} ·{' '}
            <span data-testid="action-places">
              {f('actions.places', { reserved: String(action.reservedCount), n: String(action.expectedCount) })}
            </span>
            {action.status === 'PLANNED' && (
              <CancelAction
                actionId={action.id}
                forWhat={`${regionName(action.regionCode)}, ${window}`}
                onCancelled={onChanged}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
