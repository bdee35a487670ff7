import { useQuery } from 'urql';
import { FacilityReservationsDocument } from '../api/generated';
import { useI18n } from '../i18n/i18n';
import { momentWords } from '../i18n/time-words';

/**
 * On the desk card: how many places are reserved here for a planned action, and when. Nothing more
 * (who plans, where and for whom is not the shelter's to know beforehand, 003:493-496).
 */
export function FacilityReservations({ facilityId }: { facilityId: string }) {
  const i18n = useI18n();
  const [{ data }] = useQuery({
    query: FacilityReservationsDocument,
    variables: { facilityId },
    requestPolicy: 'cache-and-network',
  });
  const reservations = (data?.facilityReservations ?? []).filter((reservation) => reservation.places > 0);
  if (reservations.length === 0) return null;
  return (
    <ul className="reservations" data-testid="reservations">
      {reservations.map((reservation, index) => (
        <li key={index}>
          {i18n.f('desk.reserved', {
            n: String(reservation.places),
            from: momentWords(i18n, reservation.startsAt),
            to: momentWords(i18n, reservation.endsAt),
          })}
        </li>
      ))}
    </ul>
  );
}
