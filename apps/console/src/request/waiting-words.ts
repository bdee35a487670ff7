import type { PlacementRequest } from '../api/types';
import { authorityName } from '../components/authority-name';
import type { MessageKey } from '../i18n/messages';

/**
 * Why a request waits, and who decides next, as one sentence: "Wacht op CoMensha (werklijst)",
 * "Wacht tot zij in de noodopvang is", "Wacht op het routebesluit (screeningsoverleg met het OM)".
 */
export function waitingWords(
  i18n: {
    t(key: MessageKey): string;
    f(key: MessageKey, values: Record<string, string>): string;
    label(group: string, value: string): string;
  },
  request: Pick<PlacementRequest, 'waitingReason' | 'waitingForAuthority' | 'waitingForOrganisation'>,
): string {
  const { t, f, label } = i18n;
  const reason = request.waitingReason ?? '';
  const who = request.waitingForAuthority
    ? authorityName(label, request.waitingForAuthority, request.waitingForOrganisation)
    : null;
  switch (reason) {
    case 'AWAITING_AUTHORITY':
    case 'AUTHORITY_CLOSED':
      if (who) return f(`wait.${reason}`, { who });
      break;
    case 'INTERIM_NOT_ARRIVED':
    case 'AWAITING_ROUTE_DECISION':
      return t(`wait.${reason}`);
  }
  return f('wait.other', { reason: label('waiting', reason) });
}
