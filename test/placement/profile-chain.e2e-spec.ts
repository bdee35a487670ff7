/**
 * Her profile and her moves along her chain (red team, issue 14): one person, one profile across
 * the stay and what follows it; errors that name rules, not her values; a stay she has left for
 * good takes its transfer with it; an onward request that no longer fits her is not left waiting;
 * the staff she leaves are not told where a safety move goes.
 */
import { Gender, Role, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities, IN_AMSTERDAM } from '../support/factories';
import { gql } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { tokenFor } from '../support/tokens';
import {
  dataOf,
  DUTCH_WOMAN,
  facilityOf,
  MONDAY_OPENING,
  PlacementClient,
  REQUEST_FIELDS,
  type RequestView,
  SATURDAY_NIGHT,
  startPlacementApp,
  stopApp,
  token,
  WOMAN_IN_BEDENKTIJD,
} from './support';

const EXTRA = `profileVersion transferReason types waitingForKind
  transfer { id status transferReason } followUp { id status types }
  profileSummary { languages }
  history { status note noteCode noteParams { fields version transferReason regionCode requestId outcome } }`;
const UPDATE = `mutation Update($requestId: ID!, $changes: VictimProfileChangeInput!, $reason: String!) {
  updateVictimProfile(requestId: $requestId, changes: $changes, reason: $reason) { ${REQUEST_FIELDS} ${EXTRA} }
}`;
const GET = `query Get($id: ID!) { placementRequest(id: $id) { ${REQUEST_FIELDS} ${EXTRA} } }`;
const TRANSFER = `mutation Transfer($requestId: ID!, $reason: TransferReason!, $regionCode: ID, $note: String) {
  requestTransfer(requestId: $requestId, reason: $reason, regionCode: $regionCode, note: $note) { id status }
}`;
const END = `mutation End($id: ID!, $reason: String!, $outcome: StayOutcome) {
  endPlacement(requestId: $id, reason: $reason, outcome: $outcome) { id status }
}`;
const CANCEL_REQUEST = `mutation Cancel($id: ID!, $reason: String!) { cancelPlacementRequest(requestId: $id, reason: $reason) { id status } }`;
const BREAK_GLASS = `mutation Profile($requestId: ID!, $reason: String!) {
  breakGlassProfile(requestId: $requestId, reason: $reason) { b8Status bedenktijdStart languages excludedRegionCodes }
}`;

type Step = {
  status: string;
  by: string;
  note: string | null;
  noteCode: string | null;
  noteParams: { fields: string[] | null; regionCode: string | null; requestId: string | null; outcome: string | null } | null;
};
type CaseView = Omit<RequestView, 'history'> & {
  profileVersion: number;
  types: string[];
  waitingForKind: string | null;
  transfer: { id: string; status: string; transferReason: string } | null;
  followUp: { id: string; status: string; types: string[] } | null;
  profileSummary: { languages: string[] } | null;
  history: Step[];
};
type Errors = { errors?: { message: string; extensions?: Record<string, unknown> }[] };

describe('one profile along her chain, and what her moves tell (red team F6, F7, F9, F10, F11, F12, F15, N1, N2, N5, N6)', () => {
  const clock = new FixedClock(MONDAY_OPENING);
  let database: TestDatabase;
  let api: TestApp;
  let client: PlacementClient;
  let voRotterdam: { id: string };
  let coordinatorRR: string;
  let coordinatorAMS: string;
  let comensha: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const women = { genders: [Gender.FEMALE] };
    [voRotterdam] = await insertFacilities(
      database.dataSource,
      [
        facilityOf(ShelterType.VROUWENOPVANG, 8, { total: 12, eligibility: women }),
        facilityOf(ShelterType.VROUWENOPVANG, 0, {
          total: 10,
          ...IN_AMSTERDAM,
          eligibility: women,
        }),
        facilityOf(ShelterType.COSM, 4, { total: 10, eligibility: women }),
        // A third region, known to the register.
        facilityOf(ShelterType.VROUWENOPVANG, 0, { total: 4, regionCode: 'TW', municipality: 'Enschede', eligibility: women }),
      ],
      { now: MONDAY_OPENING },
    );
    api = await startPlacementApp(database.url, clock);
    client = new PlacementClient(api.url);
    coordinatorRR = await token.coordinator(['RR']);
    coordinatorAMS = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-amsterdam', regions: ['AMS'] });
    comensha = await token.comensha();
  }, 60_000);
  afterAll(() => stopApp(api, database));

  const update = (tokenValue: string, requestId: string, changes: Record<string, unknown>) =>
    gql<{ updateVictimProfile: CaseView }>(api.url, UPDATE, {
      token: tokenValue,
      variables: { requestId, changes, reason: 'gesprek met de zorgcoördinator' },
    });
  const get = async (tokenValue: string, id: string) =>
    ((await client.raw(GET, tokenValue, { id })).data?.placementRequest ?? null) as CaseView | null;
  const transfer = (tokenValue: string, variables: Record<string, unknown>) =>
    client.raw(TRANSFER, tokenValue, variables) as unknown as Promise<Errors & { data?: { requestTransfer: { id: string } } }>;
  const profileOf = async (requestId: string) =>
    (await client.raw(BREAK_GLASS, await token.admin(), { requestId, reason: 'controle na melding red team' })).data
      ?.breakGlassProfile as unknown as Record<string, unknown>;

  /** The Rotterdam coordinator asks a place for a woman; the staff accept and she arrives. */
  async function placedInRotterdam(profile: Record<string, unknown> = DUTCH_WOMAN): Promise<RequestView> {
    const stay = await client.placed(coordinatorRR, { profile });
    expect(stay.facility!.id).toBe(voRotterdam.id);
    return stay;
  }

  /** Rotterdam asks a safety move to Amsterdam (full there: the transfer waits); CoMensha finds its id. */
  async function safetyTransfer(stayId: string): Promise<string> {
    dataOf(
      (await transfer(coordinatorRR, { requestId: stayId, reason: 'SAFETY', regionCode: 'AMS' })) as never,
      'requestTransfer',
    );
    return (await get(comensha, stayId))!.transfer!.id;
  }

  it('an error about her profile names the rule, never her age or residence status, and answers the same whatever is recorded (red team F6, N5)', async () => {
    clock.set(MONDAY_OPENING);
    const stay = await placedInRotterdam();
    const transferId = await safetyTransfer(stay.id);
    const unknownAge = await placedInRotterdam({ ...DUTCH_WOMAN, age: null, minor: null });
    const errorOf = async (requestId: string, changes: Record<string, unknown>) =>
      ((await update(coordinatorAMS, requestId, changes)) as Errors).errors?.[0];

    // A field checked against one she cannot see is asked for with it: the refusal depends on
    // what was sent only, the same for a woman of 29 as for one whose age is not known.
    const minor = await errorOf(transferId, { minor: true });
    expect(minor).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'changes.age' } });
    expect(minor!.message).toMatch(/must be given with changes.minor/);
    expect((await errorOf(unknownAge.id, { minor: true }))!.message).toBe(minor!.message);
    const inconsistent = await errorOf(transferId, { minor: true, age: 30 });
    expect(inconsistent).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'changes.minor' } });
    expect(inconsistent!.message).toMatch(/minor must agree with age/);
    expect(inconsistent!.message).not.toMatch(/29/);

    const b8 = await errorOf(transferId, { b8Status: 'B8_PERMIT' });
    expect(b8).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'changes.residenceStatus' } });
    expect(b8!.message).not.toMatch(/DUTCH|Dutch/);
    expect((await errorOf(unknownAge.id, { b8Status: 'B8_PERMIT' }))!.message).toBe(b8!.message);
    // Checked against what was sent only: B9 for a Dutch national does not agree.
    const inconsistentB8 = await errorOf(transferId, { residenceStatus: 'DUTCH', b8Status: 'B9' });
    expect(inconsistentB8).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'changes.b8Status' } });
    expect(await profileOf(stay.id)).toMatchObject({ b8Status: 'NOT_APPLICABLE' });
    // A guess of a hidden value is recorded like any other: the right guess (29) and a wrong one
    // (30) both give a new version, so the answer never confirms it (fourth pass N4).
    const right = dataOf(await update(coordinatorAMS, transferId, { age: 29, minor: null }), 'updateVictimProfile');
    const wrong = dataOf(await update(coordinatorRR, unknownAge.id, { age: 29, minor: null }), 'updateVictimProfile');
    expect(right.profileVersion).toBeGreaterThan(1);
    expect(wrong.profileVersion).toBeGreaterThan(1);
    const recorded = (view: CaseView) =>
      view.history.filter((step) => step.noteCode === 'PROFILE_CHANGED').at(-1)!.noteParams!.fields;
    expect(recorded(right)).toEqual(['age', 'minor']);
    expect(recorded(wrong)).toEqual(['age', 'minor']);
    await client.cancel(coordinatorAMS, transferId, 'test cleanup');
    await client.end(coordinatorRR, stay.id, 'test cleanup');
    await client.end(coordinatorRR, unknownAge.id, 'test cleanup');
  });

  it('a change made by the receiving region on her transfer reaches the stay she is still in, which is re-checked (red team F7)', async () => {
    clock.set(MONDAY_OPENING);
    const stay = await placedInRotterdam();
    const transferId = await safetyTransfer(stay.id);

    // Amsterdam learns she must be kept out of Rotterdam as well: her Rotterdam place no longer fits.
    const changed = dataOf(
      await update(coordinatorAMS, transferId, { excludedRegionCodes: ['RR'], threatLevel: 'HIGH' }),
      'updateVictimProfile',
    );
    expect(changed.profileVersion).toBe(2);

    const atStay = (await get(comensha, stay.id))!;
    expect(atStay).toMatchObject({ status: 'PLACED', profileVersion: 2, transfer: { id: transferId } });
    const step = atStay.history.filter((s) => s.noteCode === 'PROFILE_CHANGED').at(-1)!;
    expect(step.noteParams!.fields).toEqual(['threatLevel', 'excludedRegionCodes']);
    // Re-checked: it already has its move (the transfer), so no second one is opened.
    expect(atStay.history.filter((s) => s.noteCode === 'TRANSFER_REQUESTED')).toHaveLength(1);
    expect(await profileOf(stay.id)).toMatchObject({ excludedRegionCodes: ['RR'] });

    // And the other way: a change at the stay, by CoMensha who follows the whole path, reaches the
    // transfer; a safety move still keeps her out of the region she leaves, whatever list the change
    // gives. Rotterdam itself may not steer the move it may not see (red team, fifth pass M3).
    const steered = (await update(coordinatorRR, stay.id, { excludedRegionCodes: [] })) as Errors;
    expect(steered.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    dataOf(await update(comensha, stay.id, { languages: ['nl', 'en'], excludedRegionCodes: [] }), 'updateVictimProfile');
    expect((await get(coordinatorAMS, transferId))!).toMatchObject({
      profileVersion: 3,
      profileSummary: { languages: ['nl', 'en'] },
    });
    expect(await profileOf(stay.id)).toMatchObject({ excludedRegionCodes: [] });
    expect(await profileOf(transferId)).toMatchObject({ excludedRegionCodes: ['RR'] });
    await client.cancel(coordinatorAMS, transferId, 'test cleanup');
    await client.end(coordinatorRR, stay.id, 'test cleanup');
  });

  it('a bedenktijd start is refused for a Dutch woman with no bedenktijd or from years ago, half a character is no reason, and a list given twice over is kept once (red team F11)', async () => {
    clock.set(MONDAY_OPENING);
    const stay = await placedInRotterdam();
    const refused = (
      (await update(coordinatorRR, stay.id, {
        residenceStatus: 'DUTCH',
        b8Status: 'NOT_APPLICABLE',
        bedenktijdStart: '2026-11-27',
      })) as Errors
    ).errors?.[0];
    expect(refused).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'changes.bedenktijdStart' } });
    expect(await profileOf(stay.id)).toMatchObject({ bedenktijdStart: null, b8Status: 'NOT_APPLICABLE' });
    // A bedenktijd that started in 2020 ended long ago (at most three months, 003:661); half a
    // character in the reason is no text.
    const long = (
      (await update(coordinatorRR, stay.id, {
        residenceStatus: 'NO_LAWFUL_RESIDENCE',
        b8Status: 'BEDENKTIJD',
        bedenktijdStart: '2020-03-01',
      })) as Errors
    ).errors?.[0];
    expect(long).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'changes.bedenktijdStart' } });
    expect(long!.message).toMatch(/at most three months/);
    const farFuture = (
      (await update(coordinatorRR, stay.id, {
        residenceStatus: 'NO_LAWFUL_RESIDENCE',
        b8Status: 'BEDENKTIJD',
        bedenktijdStart: '9999-12-31',
      })) as Errors
    ).errors?.[0];
    expect(farFuture).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'changes.bedenktijdStart' } });
    const halfCharacter = (await gql(api.url, UPDATE, {
      token: coordinatorRR,
      variables: { requestId: stay.id, changes: { threatLevel: 'HIGH' }, reason: 'gesprek \ud800 gehad' },
    })) as Errors;
    expect(halfCharacter.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
    expect(await profileOf(stay.id)).toMatchObject({ bedenktijdStart: null, b8Status: 'NOT_APPLICABLE' });

    const changed = dataOf(
      await update(coordinatorRR, stay.id, { languages: ['en', 'en', 'en', 'nl'], excludedRegionCodes: ['AMS', 'AMS'] }),
      'updateVictimProfile',
    );
    expect(changed.profileSummary!.languages).toEqual(['en', 'nl']);
    expect(await profileOf(stay.id)).toMatchObject({ languages: ['en', 'nl'], excludedRegionCodes: ['AMS'] });
    await client.end(coordinatorRR, stay.id, 'test cleanup');
  });

  it('a coordinator cannot claim a profile change by hand, nor move her for safety into a region she must be kept out of (red team F12)', async () => {
    clock.set(MONDAY_OPENING);
    const stay = await placedInRotterdam({ ...DUTCH_WOMAN, excludedRegionCodes: ['AMS', 'TW'] });
    const byHand = (await transfer(coordinatorRR, { requestId: stay.id, reason: 'PROFILE_CHANGED' })).errors?.[0];
    expect(byHand).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });

    const intoDanger = (await transfer(coordinatorRR, { requestId: stay.id, reason: 'SAFETY', regionCode: 'AMS' })).errors?.[0];
    expect(intoDanger).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'regionCode' } });
    // It names the region asked for, not the other regions she must avoid.
    expect(intoDanger!.message).not.toMatch(/TW/);
    expect((await get(comensha, stay.id))!.transfer).toBeNull();
    await client.end(coordinatorRR, stay.id, 'test cleanup');
  });

  it('the staff she leaves, and the region she leaves, are not told where a safety move goes; CoMensha is (red team F15)', async () => {
    clock.set(MONDAY_OPENING);
    const stay = await placedInRotterdam();
    const transferId = await safetyTransfer(stay.id);
    const staff = await token.staff(voRotterdam.id);
    for (const who of [staff, coordinatorRR]) {
      const step = (await get(who, stay.id))!.history.find((s) => s.noteCode === 'TRANSFER_REQUESTED')!;
      expect(step.noteParams!.regionCode).toBeNull();
      expect(step.note).toMatch(/^transfer requested \(SAFETY\): request /);
      expect(JSON.stringify(step)).not.toMatch(/AMS/);
    }
    const told = (await get(comensha, stay.id))!.history.find((s) => s.noteCode === 'TRANSFER_REQUESTED')!;
    expect(told.noteParams!.regionCode).toBe('AMS');
    await client.cancel(coordinatorAMS, transferId, 'test cleanup');
    await client.end(coordinatorRR, stay.id, 'test cleanup');
  });

  it('what the receiving region does on her shared profile or her move shows on her stay as "receiving region", not by name (red team N1, 004:7085-7089)', async () => {
    clock.set(MONDAY_OPENING);
    const stay = await placedInRotterdam();
    const transferId = await safetyTransfer(stay.id);
    dataOf(await update(coordinatorAMS, transferId, { languages: ['nl', 'pl'] }), 'updateVictimProfile');
    await client.cancel(coordinatorAMS, transferId, 'ze blijft toch');

    const staff = await token.staff(voRotterdam.id);
    for (const who of [staff, coordinatorRR]) {
      const history = (await get(who, stay.id))!.history;
      expect(JSON.stringify(history)).not.toMatch(/amsterdam|\bAMS\b/);
      const changed = history.filter((s) => s.noteCode === 'PROFILE_CHANGED').at(-1)!;
      const cancelled = history.find((s) => s.noteCode === 'TRANSFER_CANCELLED')!;
      expect([changed.by, cancelled.by]).toEqual(['receiving region', 'receiving region']);
      // Who asked for the move, on the leaving side, is still named.
      expect(history.find((s) => s.noteCode === 'TRANSFER_REQUESTED')!.by).toMatch(/rotterdam|zorgcoordinator/i);
    }
    // CoMensha, who may see the move, sees who took each step.
    const told = (await get(comensha, stay.id))!.history.find((s) => s.noteCode === 'TRANSFER_CANCELLED')!;
    expect(told.by).not.toBe('receiving region');
    await client.end(coordinatorRR, stay.id, 'test cleanup');
  });

  it('a move cancelled after a change that made her place unfit leaves her with a move out of it, opened by the service, which cannot be called off while she does not fit (red team N2, third pass F3)', async () => {
    clock.set(MONDAY_OPENING);
    const stay = await placedInRotterdam();
    const transferId = await safetyTransfer(stay.id);
    // Amsterdam learns she must be kept out of Rotterdam: her place there no longer fits, but the
    // safety move already is her move; then Amsterdam cancels that move.
    dataOf(await update(coordinatorAMS, transferId, { excludedRegionCodes: ['RR'] }), 'updateVictimProfile');
    await client.cancel(coordinatorAMS, transferId, 'geen plek bij ons');

    const after = (await get(comensha, stay.id))!;
    expect(after.status).toBe('PLACED');
    expect(after.transfer).toMatchObject({ transferReason: 'PROFILE_CHANGED' });
    expect(after.transfer!.id).not.toBe(transferId);
    expect(after.transfer!.status).not.toBe('CANCELLED');
    const opened = after.history.filter((s) => s.noteCode === 'TRANSFER_REQUESTED').at(-1)!;
    expect(opened.by).toBe('system:placement');

    // That move is her way out of a place she does not fit: it cannot be called off while that is
    // so (red team, third pass F3). Correcting her profile withdraws it by itself.
    const refused = (await client.raw(CANCEL_REQUEST, coordinatorRR, {
      id: after.transfer!.id,
      reason: 'we houden haar hier',
    })) as Errors;
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(refused.errors?.[0]?.message).toMatch(/correct her profile/);
    expect((await get(comensha, after.transfer!.id))!.status).not.toBe('CANCELLED');
    dataOf(await update(coordinatorRR, stay.id, { excludedRegionCodes: [] }), 'updateVictimProfile');
    expect((await get(comensha, after.transfer!.id))!.status).toBe('CANCELLED');
    await client.end(coordinatorRR, stay.id, 'test cleanup');
  });

  it('a change taken back makes her place fit again: the move only the misfit opened is cancelled, a move a person asked for stays (red team N6)', async () => {
    clock.set(MONDAY_OPENING);
    const stay = await placedInRotterdam();
    dataOf(await update(coordinatorRR, stay.id, { excludedRegionCodes: ['RR'] }), 'updateVictimProfile');
    const opened = (await get(comensha, stay.id))!.transfer!;
    expect(opened).toMatchObject({ transferReason: 'PROFILE_CHANGED', status: expect.not.stringMatching(/CANCELLED/) });

    dataOf(await update(coordinatorRR, stay.id, { excludedRegionCodes: [] }), 'updateVictimProfile');
    const reverted = (await get(comensha, stay.id))!;
    expect(reverted.transfer).toMatchObject({ id: opened.id, status: 'CANCELLED' });
    expect((await get(comensha, opened.id))!.history.at(-1)).toMatchObject({
      status: 'CANCELLED',
      noteCode: 'CANCELLED_PLACE_NOW_FITS',
      noteParams: { requestId: stay.id },
    });
    expect(reverted.history.at(-1)).toMatchObject({ noteCode: 'TRANSFER_CANCELLED', noteParams: { requestId: opened.id } });

    // A safety move is a person's decision: a change that leaves her place fitting does not undo it.
    const safetyId = await safetyTransfer(stay.id);
    dataOf(await update(comensha, stay.id, { languages: ['nl', 'fr'] }), 'updateVictimProfile');
    expect((await get(comensha, safetyId))!.status).not.toBe('CANCELLED');
    await client.cancel(coordinatorAMS, safetyId, 'test cleanup');
    await client.end(coordinatorRR, stay.id, 'test cleanup');
  });

  it('a move on to another region (not for her safety) stays the business of the region she leaves: it sees it and may call it off (red team, third pass F8)', async () => {
    clock.set(MONDAY_OPENING);
    const stay = await placedInRotterdam();
    dataOf(
      (await transfer(coordinatorRR, { requestId: stay.id, reason: 'MOVE_ON', regionCode: 'AMS' })) as never,
      'requestTransfer',
    );
    const move = (await get(coordinatorRR, stay.id))!.transfer!;
    expect(move).toMatchObject({ transferReason: 'MOVE_ON' });
    expect((await get(coordinatorRR, move.id))!.status).not.toBe('CANCELLED');
    // A third region still sees nothing of it.
    const twente = await tokenFor({ role: Role.ZORGCOORDINATOR, org: 'zc-twente', regions: ['TW'] });
    expect(await get(twente, move.id)).toBeNull();
    await client.cancel(coordinatorRR, move.id, 'zij blijft toch in Rotterdam');
    expect((await get(comensha, move.id))!.status).toBe('CANCELLED');
    await client.end(coordinatorRR, stay.id, 'test cleanup');
  });

  it('a stay she left without notice, or for something else, takes its open transfer with it; one she left for another kind of shelter does not (red team F10, fourth pass N2)', async () => {
    clock.set(MONDAY_OPENING);
    const staff = await token.staff(voRotterdam.id);
    const gone = await placedInRotterdam();
    const goneTransfer = await safetyTransfer(gone.id);
    dataOf(await client.raw(END, staff, { id: gone.id, reason: 'vertrokken', outcome: 'LEFT_WITHOUT_NOTICE' }), 'endPlacement');
    const cancelled = (await get(comensha, goneTransfer))!;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.history.at(-1)).toMatchObject({
      status: 'CANCELLED',
      noteCode: 'CANCELLED_STAY_ENDED',
      noteParams: { requestId: gone.id, outcome: 'LEFT_WITHOUT_NOTICE' },
    });

    const moving = await placedInRotterdam();
    const movingTransfer = await safetyTransfer(moving.id);
    dataOf(
      await client.raw(END, staff, { id: moving.id, reason: 'naar andere opvang', outcome: 'OTHER_SHELTER_KIND' }),
      'endPlacement',
    );
    expect((await get(comensha, movingTransfer))!.status).not.toBe('CANCELLED');
    await client.cancel(coordinatorAMS, movingTransfer, 'test cleanup');

    // "Something else" is not where the move goes: a move for a woman who has left is for no one
    // (red team, fourth pass N2).
    const other = await placedInRotterdam();
    const otherTransfer = await safetyTransfer(other.id);
    dataOf(await client.raw(END, staff, { id: other.id, reason: 'elders', outcome: 'OTHER' }), 'endPlacement');
    expect((await get(comensha, otherTransfer))!.status).toBe('CANCELLED');
  });

  it('after a B8 permit her interim VO place is her place: the onward COSM request leaves CoMensha’s worklist, saying why (red team F9, 000:2131-2134)', async () => {
    // Saturday night, CoMensha closed: a woman in her bedenktijd is placed in VO for now, COSM to follow.
    clock.set(SATURDAY_NIGHT);
    const submitted = await client.request(coordinatorRR, { profile: WOMAN_IN_BEDENKTIJD, types: ['VROUWENOPVANG'] });
    const offered = await client.waitForStatus(coordinatorRR, submitted.id, ['OFFERED']);
    expect(offered.facility!.id).toBe(voRotterdam.id);
    const staff = await token.staff(voRotterdam.id);
    await client.accept(staff, submitted.id);
    await client.arrive(staff, submitted.id);
    const interim = (await get(coordinatorRR, submitted.id))!;
    expect(interim.followUp).toMatchObject({ types: ['COSM'] });
    const onwardId = interim.followUp!.id;
    await client.waitForStatus(comensha, onwardId, ['WAITING']);

    dataOf(
      await update(coordinatorRR, submitted.id, {
        aangifte: 'DONE',
        residenceStatus: 'NO_LAWFUL_RESIDENCE',
        b8Status: 'B8_PERMIT',
      }),
      'updateVictimProfile',
    );
    const onward = (await get(comensha, onwardId))!;
    expect(onward.status).toBe('CANCELLED');
    expect(onward.history.at(-1)).toMatchObject({
      noteCode: 'CANCELLED_PLACE_NOW_FITS',
      noteParams: { requestId: submitted.id },
    });
    const worklist = await client.list(comensha, { status: ['WAITING'] });
    expect(worklist.nodes.map((r) => r.id)).not.toContain(onwardId);
    expect((await get(coordinatorRR, submitted.id))!).toMatchObject({ status: 'PLACED', facility: { id: voRotterdam.id } });
    await client.end(coordinatorRR, submitted.id, 'test cleanup');
  });
});
