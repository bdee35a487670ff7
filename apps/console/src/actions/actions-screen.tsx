import { useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { PlannedActionsDocument } from '../api/generated';
import type { PlannedActionAnswer } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useI18n } from '../i18n/i18n';
import { ActionAnswer } from './action-answer';
import { ActionList } from './action-list';
import { PlanActionForm } from './plan-action-form';

/**
 * "Acties": planned actions (003:493-496) for those who may plan them (coordinators, CoMensha, the
 * NLA): the ones they may see, and a form to plan one with its immediate answer.
 */
export function ActionsScreen() {
  const { t } = useI18n();
  const [{ data, error }, reread] = useQuery({
    query: PlannedActionsDocument,
    variables: { status: ['PLANNED', 'STARTED'] },
    requestPolicy: 'cache-and-network',
  });
  const [answer, setAnswer] = useState<PlannedActionAnswer | null>(null);
  const answerBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (answer) answerBox.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [answer]);
  const again = () => reread({ requestPolicy: 'network-only' });
  return (
    <section>
      <h1>{t('actions.title')}</h1>
      <div ref={answerBox}>{answer && <ActionAnswer action={answer} />}</div>
      <section className="card" aria-labelledby="actions-list-heading" data-testid="planned-actions">
        <h2 id="actions-list-heading">{t('actions.listTitle')}</h2>
        <ErrorMessage error={error} />
        {data ? <ActionList actions={data.plannedActions} onChanged={again} /> : !error && <p>{t('loading')}</p>}
      </section>
      <PlanActionForm
        onPlanned={(planned) => {
          setAnswer(planned);
          again();
        }}
      />
    </section>
  );
}
