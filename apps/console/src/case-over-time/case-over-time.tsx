import { useState } from 'react';
import { useQuery } from 'urql';
import { CasePathDocument } from '../api/generated';
import type { CasePath } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { StatusBadge } from '../components/status-badge';
import { useI18n } from '../i18n/i18n';
import { useNavigation } from '../shell/use-screen';
import { ProfileChangeForm } from './profile-change-form';
import { RouteDecisionForm } from './route-decision-form';
import { TransferForm } from './transfer-form';

/** Statuses after which nothing about her changes on this request any more. */
const CLOSED = ['ENDED', 'CANCELLED'];

/**
 * The case over time on its page: her profile version, the path of transfers (each side a link when
 * the viewer may see it), and the two things recorded over time: a profile change and a transfer.
 * The API decides who may (the region's coordinators, the requester, CoMensha) and says so in words.
 */
export function CaseOverTime({ requestId }: { requestId: string }) {
  const { t } = useI18n();
  const [{ data, error }, reread] = useQuery({
    query: CasePathDocument,
    variables: { id: requestId },
    requestPolicy: 'network-only',
  });
  const path = data?.placementRequest;
  const again = () => reread({ requestPolicy: 'network-only' });
  // A transfer to a region the viewer may not see is answered with her stay, without the transfer.
  const [outOfSight, setOutOfSight] = useState(false);
  const requested = (answer: CasePath) => {
    if (answer.id === requestId && !answer.transfer) setOutOfSight(true);
    again();
  };
  return (
    <section className="card case-over-time" aria-labelledby="over-time-heading" data-testid="case-over-time">
      <h2 id="over-time-heading">{t('overTime.title')}</h2>
      <ErrorMessage error={error} />
      {path ? (
        <>
          <dl className="facts">
            <dt>{t('overTime.profileVersion')}</dt>
            <dd data-testid="profile-version">{path.profileVersion}</dd>
            {path.transferOf && (
              <>
                <dt>{t('overTime.transferOf')}</dt>
                <dd data-testid="transfer-of">
                  <CaseLink id={path.transferOf.id} status={path.transferOf.status} words={t('overTime.openStay')} />
                  {path.transferReason && <ReasonWords reason={path.transferReason} />}
                </dd>
              </>
            )}
            {path.transfer && (
              <>
                <dt>{t('overTime.transfer')}</dt>
                <dd data-testid="transfer">
                  <CaseLink id={path.transfer.id} status={path.transfer.status} words={t('overTime.openTransfer')} />
                  {path.transfer.transferReason && <ReasonWords reason={path.transfer.transferReason} />}
                </dd>
              </>
            )}
          </dl>
          {path.status === 'WAITING' && path.waitingReason === 'AWAITING_ROUTE_DECISION' && (
            <RouteDecisionForm requestId={path.id} onRecorded={again} />
          )}
          {!CLOSED.includes(path.status) && <ProfileChangeForm requestId={path.id} onChanged={again} />}
          <p role="status" data-testid="transfer-out-of-sight">
            {outOfSight && t('transfer.outOfSight')}
          </p>
          {path.status === 'PLACED' && !outOfSight && !transferOpen(path) && (
            <TransferForm requestId={path.id} onRequested={requested} />
          )}
        </>
      ) : (
        !error && <p>{t('loading')}</p>
      )}
    </section>
  );
}

/** A transfer from this stay is still under way (she has not arrived, it was not cancelled): one at a time. */
function transferOpen(path: CasePath): boolean {
  return path.transfer !== null && !['PLACED', ...CLOSED].includes(path.transfer.status);
}

function ReasonWords({ reason }: { reason: string }) {
  const { label } = useI18n();
  return <span className="muted"> ({label('transferReason', reason)})</span>;
}

/** Another case on the path, opened at its own address. */
function CaseLink({ id, status, words }: { id: string; status: CasePath['status']; words: string }) {
  const { openCase } = useNavigation();
  return (
    <>
      <a
        href={`/aanvraag/${id}`}
        onClick={(event) => {
          event.preventDefault();
          openCase(id);
        }}
      >
        {words}
      </a>{' '}
      <StatusBadge status={status} />
    </>
  );
}
