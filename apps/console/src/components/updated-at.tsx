import type { Capacity } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { When } from './when';

/** "bijgewerkt 3 min geleden": when a facility's counts were last confirmed (or, failing that, changed). */
export function UpdatedAt({ capacity }: { capacity: Pick<Capacity, 'confirmedAt' | 'updatedAt'> }) {
  const { t } = useI18n();
  return (
    <>
      {t('beds.updated')} <When iso={capacity.confirmedAt ?? capacity.updatedAt} />
    </>
  );
}
