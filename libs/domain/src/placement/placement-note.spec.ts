import { PlacingAuthority, Role, ShelterType } from '../enums';
import { WaitingReason } from './placement-decision';
import { TransferReason } from './transfer';
import { StayOutcome } from './stay-outcome';
import {
  EscalationCause,
  isStaffAnswer,
  PlacementNoteCode,
  PlacementNoteParams,
  placementNoteParamsFromJson,
  placementNoteSentence,
} from './placement-note';

const BRIDGE = '0b1e6f3a-6c47-4a39-9c1e-3f0f3e0c2a11';
const ESCALATION_TAIL =
  "listed on region RR's escalation worklist (placementRequests with escalated: true) for its coordinators and CoMensha " +
  'to take to the OvD bevolkingszorg (003:497); its escalation contacts are sent a webhook where the region has them (webhookDeliveries)';

/** Every code with its parameters and the English note the API returns for it (a new code fails the type check here). */
const NOTES: Record<PlacementNoteCode, [PlacementNoteParams, string]> = {
  WAITING: [{ waitingReason: WaitingReason.NO_SUITABLE_PLACE }, 'waiting: NO_SUITABLE_PLACE'],
  ESCALATED: [
    { escalatedBecause: EscalationCause.NO_PLACE_IN_TIME, minutes: 30, regionCode: 'RR' },
    `escalated: no place after 30 minutes; ${ESCALATION_TAIL}`,
  ],
  OFFERED: [{ offered: [{ facilityName: 'De Haven', places: 1 }] }, 'offered: De Haven (1)'],
  DECLINED: [{ reason: 'geen plek voor haar kind' }, 'declined: geen plek voor haar kind'],
  OFFER_LAPSED: [{}, 'offer lapsed: the facility did not answer in time'],
  ACCEPTED_PLACE_LAPSED: [{}, 'accepted place lapsed: she did not arrive in time; matching again'],
  SHARE_ACCEPTED: [{ places: 2 }, 'share of 2 accepted; waiting for the other facilities to accept theirs'],
  ACCEPTED: [
    { heldUntil: new Date('2026-06-10T14:00:00Z') },
    'accepted by the facility; held until 2026-06-10T14:00:00.000Z for her arrival',
  ],
  MORE_ARRIVED: [{ places: 2 }, '2 more arrived'],
  SHARE_RELEASED: [{ places: 3 }, '3 accepted place(s) released: they did not arrive in time'],
  ENDED: [{ reason: 'naar eigen woning' }, 'ended: naar eigen woning'],
  LEFT: [{ places: 1, reason: 'vertrokken', stillPlaced: 2 }, '1 left: vertrokken; 2 still placed'],
  CANCELLED: [{ reason: 'teruggetrokken' }, 'cancelled: teruggetrokken'],
  CANCELLED_BREAK_GLASS: [{ reason: 'dubbel ingevoerd' }, 'cancelled by an administrator (break-glass): dubbel ingevoerd'],
  CANCELLED_WITH_INTERIM: [
    { requestId: BRIDGE, reason: 'teruggetrokken' },
    `cancelled with the interim request ${BRIDGE} it follows: teruggetrokken`,
  ],
  CANCELLED_STAY_ENDED: [
    { requestId: BRIDGE, outcome: StayOutcome.LEFT_WITHOUT_NOTICE },
    `cancelled: the stay of request ${BRIDGE} it follows ended (LEFT_WITHOUT_NOTICE), so she has gone from the chain`,
  ],
  CANCELLED_PLACE_NOW_FITS: [
    { requestId: BRIDGE },
    `cancelled: her profile changed and the place she is in (request ${BRIDGE}) now fits as her place; no onward placement is needed`,
  ],
  RETURNED: [
    { byOrg: 'comensha', authority: PlacingAuthority.COMENSHA, reason: 'past niet' },
    'returned by comensha (COMENSHA): past niet',
  ],
  ROUTE_DECIDED: [
    { reason: 'screeningsoverleg 4 dec: veilige opvang' },
    'route decided by the screeningsoverleg with the OM: a shelter place (003:490): screeningsoverleg 4 dec: veilige opvang',
  ],
  ROUTE_NO_SHELTER: [
    { reason: 'strafrechtelijke route' },
    'cancelled: the screeningsoverleg with the OM decided on a route without a shelter place (003:490): strafrechtelijke route',
  ],
  ONWARD_OPENED: [
    { kinds: [ShelterType.COSM], requestId: BRIDGE },
    `onward placement (COSM) after the interim stay of request ${BRIDGE}`,
  ],
  MOVED_ON: [{ requestId: BRIDGE }, `moved on to the onward placement (request ${BRIDGE})`],
  TRANSFER_REQUESTED: [
    { requestId: BRIDGE, transferReason: TransferReason.SAFETY, regionCode: 'AMS' },
    `transfer requested (SAFETY) to region AMS: request ${BRIDGE}; she stays here until she arrives there`,
  ],
  TRANSFER_OF: [
    { requestId: BRIDGE, transferReason: TransferReason.OTHER, reason: 'dichter bij school' },
    `transfer (OTHER) from the stay of request ${BRIDGE}: dichter bij school`,
  ],
  TRANSFER_CANCELLED: [{ requestId: BRIDGE }, `transfer cancelled (request ${BRIDGE}): she stays here`],
  TRANSFERRED: [{ requestId: BRIDGE }, `transferred: she arrived at the place of request ${BRIDGE}`],
  PROFILE_CHANGED: [{ version: 2, fields: ['b8Status', 'aangifte'] }, 'profile changed (version 2): b8Status, aangifte'],
  BEDENKTIJD_ENDING: [
    { at: new Date('2027-02-27T23:00:00Z') },
    'bedenktijd ends at 2027-02-27T23:00:00.000Z (003:661): decide on aangifte, B8 permit or return',
  ],
  STAY_ENDS: [{ at: new Date('2026-06-24T10:00:00Z') }, 'stay ends at 2026-06-24T10:00:00.000Z: an onward placement is needed'],
  OVERSTAY: [{ at: new Date('2026-06-24T10:00:00Z') }, 'overstay: the stay should have ended at 2026-06-24T10:00:00.000Z'],
};

describe('history notes as codes', () => {
  it.each(Object.entries(NOTES))('%s has its English note', (code, [params, sentence]) => {
    expect(placementNoteSentence({ code: code as PlacementNoteCode, params })).toBe(sentence);
  });

  it('a wait that escalates at once says both, in one note', () => {
    const note = placementNoteSentence({
      code: PlacementNoteCode.WAITING,
      params: { waitingReason: WaitingReason.NO_SUITABLE_PLACE, escalatedBecause: EscalationCause.HANDED_BACK, regionCode: 'RR' },
    });
    expect(note).toBe(
      `waiting: NO_SUITABLE_PLACE; escalated: handed back and no other authority's place suits her; ${ESCALATION_TAIL}`,
    );
  });

  it('names each cause of an escalation', () => {
    const said = (params: PlacementNoteParams) =>
      placementNoteSentence({ code: PlacementNoteCode.ESCALATED, params: { regionCode: 'RR', ...params } });
    expect(said({ escalatedBecause: EscalationCause.INTERIM_STAY_ENDED, requestId: BRIDGE })).toBe(
      `escalated: her interim stay (request ${BRIDGE}) has reached its end and this onward request has no place; ${ESCALATION_TAIL}`,
    );
  });

  it('an offer a decider assigned names the places, the hold while the intake is closed, and who chose why', () => {
    const note = placementNoteSentence({
      code: PlacementNoteCode.OFFERED,
      params: {
        offered: [
          { facilityName: 'Vrouwenopvang De Haven', places: 1 },
          { facilityName: 'Het Anker', places: 2 },
        ],
        heldUntil: new Date('2026-06-11T07:00:00Z'),
        byOrg: 'comensha',
        byRole: Role.COMENSHA,
        reason: 'dichter bij school',
      },
    });
    expect(note).toBe(
      'offered: Vrouwenopvang De Haven (1), Het Anker (2); intake closed now, held until 2026-06-11T07:00:00.000Z ' +
        '(from its next opening); assigned by comensha (COMENSHA): dichter bij school',
    );
  });

  it('its params survive JSON with their moments as dates', () => {
    const params: PlacementNoteParams = {
      heldUntil: new Date('2026-06-10T14:00:00Z'),
      at: new Date('2026-06-24T10:00:00Z'),
      places: 2,
    };
    const back = placementNoteParamsFromJson(JSON.stringify(params));
    expect(back).toEqual(params);
    expect(back.heldUntil).toBeInstanceOf(Date);
  });

  it("the facility staff's answers are DECLINED and SHARE_ACCEPTED", () => {
    const staff = Object.values(PlacementNoteCode).filter(isStaffAnswer);
    expect(staff).toEqual([PlacementNoteCode.DECLINED, PlacementNoteCode.SHARE_ACCEPTED]);
    expect(isStaffAnswer(null)).toBe(false);
  });
});
