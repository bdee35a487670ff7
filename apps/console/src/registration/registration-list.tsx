import { useQuery } from 'urql';
import { VictimRegistrationsDocument } from '../api/generated';
import { ErrorMessage } from '../components/error-message';
import { useRegions } from '../components/region-select';
import { When } from '../components/when';
import { useI18n } from '../i18n/i18n';

/** A page this size stays far under the query cost limit (scalar fields only). */
const SHOWN = 50;

/**
 * "Meldingen bij CoMensha": the latest registrations (002:803), newest first; CoMensha sees the
 * country, a coordinator their regions. Counts facts only: no name, no profile beyond the bands.
 */
export function RegistrationList() {
  const { t, f, label } = useI18n();
  const regions = useRegions();
  const regionName = (code: string) => regions.find((region) => region.code === code)?.name ?? code;
  const [{ data, error }] = useQuery({
    query: VictimRegistrationsDocument,
    variables: { first: SHOWN },
    requestPolicy: 'cache-and-network',
  });
  const page = data?.victimRegistrations;
  const ageWords = (band: string) =>
    band === 'MINOR' || band === 'UNKNOWN' ? label('ageBand', band) : f('ageBand.years', { band });
  return (
    <section className="card registrations" aria-labelledby="registrations-heading" data-testid="registrations">
      <h2 id="registrations-heading">{t('registration.listTitle')}</h2>
      <ErrorMessage error={error} />
      {!page ? (
        !error && <p>{t('loading')}</p>
      ) : page.nodes.length === 0 ? (
        <p className="hint">{t('registration.none')}</p>
      ) : (
        <>
          <p className="hint" data-testid="registration-count">
            {f('registration.count', { shown: String(page.nodes.length), total: String(page.totalCount) })}
          </p>
          <ul className="registration-list">
            {page.nodes.map((row) => (
              <li key={row.id} data-registration-id={row.id}>
                <When iso={row.registeredAt} /> · {regionName(row.regionCode)} · {label('gender', row.gender)},{' '}
                {ageWords(row.ageBand)} · {row.exploitationTypes.map((type) => label('exploitation', type)).join(', ')} ·{' '}
                {t('registration.signalledBy')}: {label('signaller', row.signalledBy)} · {row.registeredByOrg}
                {row.requestId && <span className="muted"> · {t('registration.withRequest')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
