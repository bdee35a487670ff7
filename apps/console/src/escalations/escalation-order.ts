import type { Urgency } from '../api/types';

const URGENCY_RANK: Record<Urgency, number> = { ACUTE: 0, URGENT: 1, PLANNED: 2 };

/**
 * The escalation list's order: the most urgent first, and within an urgency the one that has waited
 * longest (the API lists oldest first only; the urgency is put first here).
 */
export function escalationOrder(
  a: { urgency: Urgency; createdAt: string; id: string },
  b: { urgency: Urgency; createdAt: string; id: string },
): number {
  return (
    (URGENCY_RANK[a.urgency] ?? 3) - (URGENCY_RANK[b.urgency] ?? 3) ||
    Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
    a.id.localeCompare(b.id)
  );
}
