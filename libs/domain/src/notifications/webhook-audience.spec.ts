import { isInAudience, type WebhookReceiver } from './webhook-audience';
import { type WebhookNotification, WebhookEventType } from './webhook-event';

const ALL_EVENTS = Object.values(WebhookEventType);
const receiver = (overrides: Partial<WebhookReceiver>): WebhookReceiver => ({
  organisation: 'someone-else',
  events: ALL_EVENTS,
  facilityIds: [],
  escalationRegions: [],
  ...overrides,
});
const notification = (overrides: Partial<WebhookNotification>): WebhookNotification => ({
  type: WebhookEventType.OFFER_MADE,
  at: '2026-12-05T02:00:00.000Z',
  requestId: 'r1',
  status: 'OFFERED',
  regionCode: 'RR',
  facilityId: 'f1',
  reason: null,
  requestedByOrg: 'avim-rotterdam',
  waitingForOrganisation: null,
  ...overrides,
});

describe('who is told of what (issue 14: webhooks only to those who are part of the case)', () => {
  it('tells the requester and the shelter the offer concerns, nobody else, of an offer', () => {
    const offer = notification({});
    expect(isInAudience(receiver({ organisation: 'avim-rotterdam' }), offer)).toBe(true);
    expect(isInAudience(receiver({ facilityIds: ['f1'] }), offer)).toBe(true);
    expect(isInAudience(receiver({ facilityIds: ['f2'] }), offer)).toBe(false);
    expect(isInAudience(receiver({ escalationRegions: ['RR'] }), offer)).toBe(false);
  });

  it("tells the region's escalation contact of an escalation in its region only (003:497: OvD bevolkingszorg)", () => {
    const escalation = notification({ type: WebhookEventType.ESCALATED, facilityId: null, status: 'WAITING' });
    expect(isInAudience(receiver({ escalationRegions: ['RR'] }), escalation)).toBe(true);
    expect(isInAudience(receiver({ escalationRegions: ['HM'] }), escalation)).toBe(false);
    expect(isInAudience(receiver({ organisation: 'avim-rotterdam' }), escalation)).toBe(true);
    expect(isInAudience(receiver({ facilityIds: ['f1'] }), escalation)).toBe(false);
  });

  it('tells the organisation whose decision is awaited, and not the other deciders', () => {
    const waiting = notification({ type: WebhookEventType.DECISION_WAITING, waitingForOrganisation: 'nidos', facilityId: null });
    expect(isInAudience(receiver({ organisation: 'nidos' }), waiting)).toBe(true);
    expect(isInAudience(receiver({ organisation: 'comensha' }), waiting)).toBe(false);
    expect(isInAudience(receiver({ organisation: 'nidos' }), { ...waiting, waitingForOrganisation: null })).toBe(false);
  });

  it('sends only what a receiver subscribed to', () => {
    const requester = receiver({ organisation: 'avim-rotterdam', events: [WebhookEventType.OFFER_ACCEPTED] });
    expect(isInAudience(requester, notification({}))).toBe(false);
    expect(isInAudience(requester, notification({ type: WebhookEventType.OFFER_ACCEPTED }))).toBe(true);
  });
});
