import type { PlannedActionAnswer } from '../api/types';
import { useI18n } from '../i18n/i18n';

/**
 * Planning's immediate answer (003:493-496): per outline, the places reserved at each facility and
 * who could not be given a place beforehand, with why in Dutch.
 */
export function ActionAnswer({ action }: { action: PlannedActionAnswer }) {
  const { t, f, label } = useI18n();
  return (
    <section
      className={action.everyoneSheltered ? 'card' : 'card warning-box'}
      data-testid="action-answer"
      aria-labelledby="action-answer-heading"
    >
      <h2 id="action-answer-heading" tabIndex={-1}>
        {action.everyoneSheltered
          ? f('actions.allSheltered', { n: String(action.expectedCount) })
          : f('actions.someShort', { short: String(action.shortfallCount), n: String(action.expectedCount) })}
      </h2>
      <ol className="outlines">
        {action.expected.map((outline, index) => (
          <li key={index} data-testid="answer-outline">
            <strong>
              {outline.count} × {label('gender', outline.gender)}
              {outline.minor && `, ${t('actions.minorShort')}`} (
              {outline.exploitationTypes.map((type) => label('exploitation', type)).join(', ')})
            </strong>
            <ul>
              {outline.reserved.map((reserved) => (
                // The one summed row of secret-address shelters has no facility id and no kind.
                <li key={reserved.facilityId ?? 'secret-address'} data-testid="reserved">
                  {f('actions.reservedAt', { n: String(reserved.places), where: reserved.facilityName })}
                  {reserved.facilityType && <span className="muted"> ({label('kind', reserved.facilityType)})</span>}
                </li>
              ))}
              {outline.shortfall.count > 0 && (
                <li className="failed" data-testid="shortfall">
                  {f('actions.shortfall', { n: String(outline.shortfall.count) })}{' '}
                  {outline.shortfall.reasons.map((reason) => label('shortfallReason', reason)).join('; ')}
                </li>
              )}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
