import { describe, expect, it } from '@jest/globals';
import { escalationOrder } from './escalation-order';

const row = (id: string, urgency: 'ACUTE' | 'URGENT' | 'PLANNED', createdAt: string) => ({ id, urgency, createdAt });

describe('the escalation list order', () => {
  it('puts an ACUTE request above an older URGENT one, and the longest waiting first within an urgency', () => {
    const rows = [
      row('planned-old', 'PLANNED', '2026-12-01T08:00:00Z'),
      row('acute-new', 'ACUTE', '2026-12-05T02:30:00Z'),
      row('urgent-old', 'URGENT', '2026-12-04T20:00:00Z'),
      row('acute-old', 'ACUTE', '2026-12-05T01:00:00Z'),
    ];
    expect([...rows].sort(escalationOrder).map((r) => r.id)).toEqual(['acute-old', 'acute-new', 'urgent-old', 'planned-old']);
  });

  it('keeps two requests of the same moment in a fixed order (by id), so a re-read does not shuffle the list', () => {
    const a = row('a', 'ACUTE', '2026-12-05T01:00:00Z');
    const b = row('b', 'ACUTE', '2026-12-05T01:00:00Z');
    expect([b, a].sort(escalationOrder).map((r) => r.id)).toEqual(['a', 'b']);
  });
});
