import type { PlacementStatus } from '../api/types';
import { useI18n } from '../i18n/i18n';

export function StatusBadge({ status }: { status: PlacementStatus }) {
  const { label } = useI18n();
  return (
    <span className={`badge status-${status.toLowerCase()}`} data-status={status}>
      {label('status', status)}
    </span>
  );
}
