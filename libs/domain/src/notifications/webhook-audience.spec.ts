import { PlacingAuthority, Role } from '../enums';
import { isInAudience, type WebhookReceiver } from './webhook-audience';
import { figuresNotification, figuresStaleNotification, type WebhookNotification, WebhookEventType } from './webhook-event';

const ALL_EVENTS = Object.values(WebhookEventType);
const receiver = (overrides: Partial<WebhookReceiver>): WebhookReceiver => ({
  organisation: 'someone-else',
  events: ALL_EVENTS,
  facilityIds: [],
  escalationRegions: [],
  deciderRole: null,
  deciderRegions: [],
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
  waitingForAuthority: null,
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

  it("tells exactly those who may take a worklist's decision, by the authority table (domain.md §5a)", () => {
    const waitsForComensha = notification({
      type: WebhookEventType.DECISION_WAITING,
      status: 'WAITING',
      facilityId: null,
      waitingForAuthority: PlacingAuthority.COMENSHA,
    });
    expect(isInAudience(receiver({ organisation: 'comensha', deciderRole: Role.COMENSHA }), waitsForComensha)).toBe(true);
    expect(isInAudience(receiver({ organisation: 'nla', deciderRole: Role.NLA }), waitsForComensha)).toBe(false);
    // A region's zorgcoördinator: its own region only.
    const waitsForCoordinator = { ...waitsForComensha, waitingForAuthority: PlacingAuthority.ZORGCOORDINATOR };
    const rijnmond = receiver({ organisation: 'zc-rijnmond', deciderRole: Role.ZORGCOORDINATOR, deciderRegions: ['RR'] });
    const twente = receiver({ organisation: 'zc-twente', deciderRole: Role.ZORGCOORDINATOR, deciderRegions: ['TW'] });
    expect(isInAudience(rijnmond, waitsForCoordinator)).toBe(true);
    expect(isInAudience(twente, waitsForCoordinator)).toBe(false);
    // Nidos decides for unaccompanied foreign minors; another youth-care organisation not then.
    const waitsForNidos = {
      ...waitsForComensha,
      waitingForAuthority: PlacingAuthority.JEUGDBESCHERMING,
      waitingForOrganisation: 'nidos',
    };
    expect(isInAudience(receiver({ organisation: 'nidos', deciderRole: Role.JEUGDBESCHERMING }), waitsForNidos)).toBe(true);
    expect(
      isInAudience(
        receiver({ organisation: 'jb-rijnmond', deciderRole: Role.JEUGDBESCHERMING, deciderRegions: ['RR'] }),
        waitsForNidos,
      ),
    ).toBe(false);
    // Without a part in the chain, no worklist reaches it.
    expect(isInAudience(receiver({ organisation: 'comensha' }), waitsForComensha)).toBe(false);
  });

  it('sends only what a receiver subscribed to', () => {
    const requester = receiver({ organisation: 'avim-rotterdam', events: [WebhookEventType.OFFER_ACCEPTED] });
    expect(isInAudience(requester, notification({}))).toBe(false);
    expect(isInAudience(requester, notification({ type: WebhookEventType.OFFER_ACCEPTED }))).toBe(true);
  });

  it("tells only the shelter's own system that its figures went stale: no requester, no region contact, no address", () => {
    const stale = figuresStaleNotification({ id: 'f1', regionCode: 'RR' }, new Date('2026-12-05T02:00:00.000Z'));
    expect(isInAudience(receiver({ facilityIds: ['f1'] }), stale)).toBe(true);
    expect(isInAudience(receiver({ facilityIds: ['f2'] }), stale)).toBe(false);
    expect(
      isInAudience(receiver({ escalationRegions: ['RR'], deciderRole: Role.ZORGCOORDINATOR, deciderRegions: ['RR'] }), stale),
    ).toBe(false);
    expect(isInAudience(receiver({ facilityIds: ['f1'], events: [WebhookEventType.OFFER_MADE] }), stale)).toBe(false);
    expect(stale).toMatchObject({ requestId: null, facilityId: 'f1', status: 'STALE', reason: 'NOT_CONFIRMED' });
  });

  it("tells only the shelter's own system that its figures are aging, as it does of stale ones", () => {
    const aging = figuresNotification({ id: 'f1', regionCode: 'TW' }, 'AGING', new Date('2026-12-07T03:00:00.000Z'));
    expect(aging).toMatchObject({ type: WebhookEventType.FIGURES_AGING, status: 'AGING', facilityId: 'f1', requestId: null });
    expect(isInAudience(receiver({ facilityIds: ['f1'], events: [WebhookEventType.FIGURES_AGING] }), aging)).toBe(true);
    expect(isInAudience(receiver({ facilityIds: ['f2'], events: [WebhookEventType.FIGURES_AGING] }), aging)).toBe(false);
    // Subscribed to stale figures only: the aging nudge is not what it asked for.
    expect(isInAudience(receiver({ facilityIds: ['f1'], events: [WebhookEventType.FIGURES_STALE] }), aging)).toBe(false);
  });
});
