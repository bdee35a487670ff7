import type { Candidate } from '../api/types';
import { authorityName } from '../components/authority-name';
import { FreshnessBadge } from '../components/freshness-badge';
import { matchReasonsWords } from '../i18n/api-words';
import { useI18n } from '../i18n/i18n';
import { momentWords } from '../i18n/time-words';
import { facilityName } from '../components/facility-name';

/**
 * One place the decider may choose from. Only the places the viewer may assign (decision OFFER)
 * can be chosen; the others are shown, greyed, with who decides them.
 */
export function CandidateOption(props: { candidate: Candidate; first: boolean; checked: boolean; onChoose(): void }) {
  const i18n = useI18n();
  const { t, f, label } = i18n;
  const { candidate } = props;
  const mine = candidate.decision === 'OFFER';
  return (
    <li
      className={`candidate${mine ? '' : ' not-mine'}`}
      data-facility-id={candidate.facility.id}
      data-decision={candidate.decision}
    >
      <label className="inline">
        <input
          type="radio"
          name="facilityId"
          value={candidate.facility.id}
          disabled={!mine}
          checked={props.checked}
          onChange={props.onChoose}
        />
        <span className="candidate-body">
          <span>
            <strong>{facilityName(i18n, candidate.facility)}</strong>{' '}
            <span className="muted">
              {label('kind', candidate.facility.type)} · {candidate.facility.region.name} ·{' '}
              {candidate.facility.capacity
                ? candidate.facility.capacity.available
                : candidate.facility.availability.band === 'NONE'
                  ? '0'
                  : '≥ 1'}{' '}
              {t('decide.free')}
            </span>{' '}
            {props.first && <span className="badge first-choice">{t('decide.first')}</span>}{' '}
            <FreshnessBadge freshness={candidate.freshness} />
          </span>
          <span className={candidate.placeableNow ? 'open' : 'closed'}>
            {candidate.placeableNow
              ? t('match.placeableNow')
              : `${t('match.placeableAt')} ${momentWords(i18n, candidate.placeableAt)}`}
          </span>
          {!mine && (
            <span className="muted" data-testid="not-mine">
              {f('decide.notYours', { who: authorityName(label, candidate.decidedBy) })}
            </span>
          )}
          {candidate.interimFor.length > 0 && (
            <span className="muted">
              {f('decide.interim', { kinds: candidate.interimFor.map((kind) => label('kind', kind)).join(', ') })}
            </span>
          )}
          {candidate.reasons.length > 0 && (
            <span className="muted reasons">{matchReasonsWords(i18n, candidate).join(' · ')}</span>
          )}
        </span>
      </label>
    </li>
  );
}
