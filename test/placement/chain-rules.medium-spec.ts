/**
 * The chain's rules in the placement workflow (domain.md §5a), each as the person who lives it,
 * through the placement providers on a controllable clock (medium tier: no HTTP, jobs run by
 * `settle()`). Every test names its seed line. Who may call an operation at all over GraphQL, and
 * what a refusal looks like there, stay in chain-rules.e2e-spec.ts.
 */
import { Gender, Role, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { insertFacilities } from '../support/factories';
import { refusal } from '../support/medium-harness';
import { type PlacementMedium, startPlacementMedium, viewer } from './medium-support';
import { capacityOf, DUTCH_WOMAN, facilityOf, HOUR, MONDAY_OPENING, SATURDAY_NIGHT, WOMAN_IN_BEDENKTIJD } from './support';

/** Tuesday 1 December 2026, 10:00 in Amsterdam: CoMensha is open. */
const TUESDAY_MORNING = new Date('2026-12-01T09:00:00.000Z');

const MINOR_GIRL = { gender: 'FEMALE', age: 15, exploitationTypes: ['SEXUAL'], residenceStatus: 'DUTCH' };
const UNACCOMPANIED_ASYLUM_BOY = {
  gender: 'MALE',
  age: 16,
  exploitationTypes: ['CRIMINAL'],
  residenceStatus: 'ASYLUM_PROCEDURE',
  unaccompanied: true,
};
const UNKNOWN_STATUS_WOMAN = { gender: 'FEMALE', age: 31, exploitationTypes: ['SEXUAL'], residenceStatus: 'UNKNOWN' };
const TWENTE_WORKER = { gender: 'MALE', age: 41, exploitationTypes: ['LABOUR'], residenceStatus: 'EU_CITIZEN' };

describe('the chain’s rules (domain.md §5a)', () => {
  const clock = new FixedClock(SATURDAY_NIGHT);
  let p: PlacementMedium;
  let noodbed: { id: string };
  let vo: { id: string };
  let cosm: { id: string };
  let youth: { id: string };
  let nla: { id: string };
  const coordinator = viewer.coordinator();
  const comensha = viewer.comensha();
  const police = viewer.police();
  const jeugdbescherming = viewer.of(Role.JEUGDBESCHERMING, 'veilig-thuis-rr', { regions: ['RR'] });
  const nidos = viewer.of(Role.JEUGDBESCHERMING, 'nidos');

  beforeEach(async () => {
    clock.set(SATURDAY_NIGHT);
    p = await startPlacementMedium(clock, {
      arrange: async (database) => {
        const women = { genders: [Gender.FEMALE] };
        [noodbed, vo, cosm, youth, nla] = await insertFacilities(
          database.dataSource,
          [
            facilityOf(ShelterType.NOODBED, 1, { total: 1, secretAddress: true, maxStayDays: 3, eligibility: women }),
            // A women's shelter that lists lawful residence only: the register's usual VO.
            facilityOf(ShelterType.VROUWENOPVANG, 2, {
              total: 12,
              eligibility: { ...women, residenceStatuses: ['DUTCH', 'EU_CITIZEN', 'LAWFUL_NON_EU'] as never },
            }),
            facilityOf(ShelterType.COSM, 2, { total: 16, regionCode: 'AMS', municipality: 'Amsterdam', eligibility: women }),
            facilityOf(ShelterType.JEUGDZORG, 2, { total: 6, eligibility: { minAge: 12, maxAge: 17 } }),
            facilityOf(ShelterType.NLA_CRISIS, 6, {
              total: 8,
              regionCode: 'TW',
              municipality: 'Enschede',
              eligibility: { exploitationTypes: ['LABOUR'] as never },
            }),
          ],
          { now: SATURDAY_NIGHT },
        );
      },
    });
  });
  afterEach(() => p?.close());

  /** The VO reports itself full (every place occupied). */
  const voIsFull = () => p.setCapacity(vo.id, { total: 12, occupied: 12, outOfService: 0 });

  it('002:761-767 — a zorgcoördinator’s request on Saturday night is never held in the police’s noodbed', async () => {
    await voIsFull();
    const request = await p.request(coordinator, { profile: DUTCH_WOMAN, urgency: 'ACUTE' });
    const waiting = await p.expectStatus(coordinator, request.id, ['WAITING', 'OFFERED']);
    expect(waiting.facility?.type).not.toBe('NOODBED');
    expect((await capacityOf(p.dataSource, noodbed.id)).held).toBe(0);
  });

  it('000:2130 — COSM at 10:00 on a Tuesday waits on CoMensha’s worklist; only CoMensha assigns it', async () => {
    clock.set(TUESDAY_MORNING);
    const request = await p.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, urgency: 'PLANNED' });
    const waiting = await p.expectStatus(coordinator, request.id, ['WAITING']);
    expect(waiting).toMatchObject({ waitingReason: 'AWAITING_AUTHORITY', waitingForAuthority: 'COMENSHA' });
    expect((await capacityOf(p.dataSource, cosm.id)).held).toBe(0);

    const list = await p.list(comensha, { authority: 'COMENSHA', status: ['WAITING'], kinds: ['COSM'] });
    expect(list.nodes.map((node) => node.id)).toContain(request.id);
    const omm = await p.list(comensha, { authority: 'COMENSHA', status: ['WAITING'], kinds: ['OMM'] });
    expect(omm.nodes.map((node) => node.id)).not.toContain(request.id);

    const candidates = await p.candidates(comensha, request.id);
    expect({
      facility: { id: candidates.matches[0].facility.id },
      decision: candidates.matches[0].decision,
      decidedBy: candidates.matches[0].decidedBy,
    }).toEqual({ facility: { id: cosm.id }, decision: 'OFFER', decidedBy: 'COMENSHA' });

    expect((await refusal(p.assign(coordinator, request.id, cosm.id))).code).toBe('FORBIDDEN');

    const assigned = await p.assign(comensha, request.id, cosm.id);
    expect(assigned).toMatchObject({ status: 'OFFERED', facility: { id: cosm.id } });
    expect((await capacityOf(p.dataSource, cosm.id)).held).toBe(1);
    expect(assigned.history.at(-1)!.by).not.toBe('system:placement');
  });

  it('000:2136 — a request for COSM is answered by CoMensha with a COSM place, not with another kind it may also place', async () => {
    clock.set(TUESDAY_MORNING);
    // A general shelter that would take her (CoMensha may place there too), beside the COSM.
    const [mo] = await insertFacilities(p.dataSource, [facilityOf(ShelterType.MAATSCHAPPELIJKE_OPVANG, 4)], {
      now: TUESDAY_MORNING,
    });
    const request = await p.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, urgency: 'PLANNED', types: ['COSM'] });
    await p.expectStatus(coordinator, request.id, ['WAITING']);
    const candidates = await p.candidates(comensha, request.id);
    const decisions = new Map(candidates.matches.map((match) => [match.facility.id, match.decision as string]));
    expect({ cosm: decisions.get(cosm.id), mo: decisions.get(mo.id) }).toEqual({ cosm: 'OFFER', mo: 'NEVER' });

    const elsewhere = await refusal(p.assign(comensha, request.id, mo.id, 'the general shelter has room today'));
    expect(elsewhere).toMatchObject({
      message: expect.stringContaining('asks for COSM only'),
      code: 'BAD_USER_INPUT',
      field: 'facilityId',
    });
    expect((await capacityOf(p.dataSource, mo.id)).held).toBe(0);
    expect(await p.assign(comensha, request.id, cosm.id)).toMatchObject({ status: 'OFFERED' });
  });

  it('000:2168-2171 — a zorgcoördinator in Twente is not offered an NLA crisis place: the NLA decides', async () => {
    const twente = viewer.coordinator(['TW']);
    const request = await p.request(twente, { profile: TWENTE_WORKER, regionCode: 'TW', urgency: 'URGENT' });
    const waiting = await p.expectStatus(twente, request.id, ['WAITING', 'OFFERED']);
    expect(waiting).toMatchObject({ status: 'WAITING', waitingReason: 'AWAITING_AUTHORITY', waitingForAuthority: 'NLA' });
    expect((await capacityOf(p.dataSource, nla.id)).held).toBe(0);

    const own = await p.request(viewer.nla(), { profile: TWENTE_WORKER, regionCode: 'TW', urgency: 'ACUTE' });
    expect(await p.expectStatus(viewer.nla(), own.id, ['OFFERED'])).toMatchObject({ facility: { id: nla.id } });
  });

  it('002:763-765 — police at night get one place to drive to: a free VO place, and no noodbed is held', async () => {
    const answer = await p.noodbed(police, { profile: DUTCH_WOMAN });
    expect(answer).toMatchObject({ status: 'OFFERED', facility: { id: vo.id, type: 'VROUWENOPVANG' } });
    expect(answer.followUp ?? null).toBeNull();
    expect((await capacityOf(p.dataSource, noodbed.id)).held).toBe(0);
  });

  it('002:763-767 — with no structural place free, the noodbed; the onward request holds nothing until she is in it, and her arrival there frees the noodbed', async () => {
    await voIsFull();
    const answer = await p.noodbed(police, { profile: WOMAN_IN_BEDENKTIJD });
    expect(answer).toMatchObject({ status: 'OFFERED', facility: { id: noodbed.id } });
    const onwardId = answer.followUp!.id;
    // The onward request waits for CoMensha; it holds nothing while she is not in the noodbed.
    const onward = await p.expectStatus(comensha, onwardId, ['WAITING']);
    expect(onward.allocations.filter((a) => a.state !== 'RELEASED')).toEqual([]);

    const noodbedStaff = viewer.staff(noodbed.id);
    await p.accept(noodbedStaff, answer.id);
    await p.arrive(noodbedStaff, answer.id);

    // Monday 09:00: CoMensha assigns COSM; she arrives, and the noodbed is freed in the same step.
    clock.set(new Date(MONDAY_OPENING.getTime() + HOUR));
    await p.sweep();
    const onwardNow = await p.expectStatus(comensha, onwardId, ['WAITING']);
    expect(onwardNow.waitingForAuthority).toBe('COMENSHA');
    await p.assign(comensha, onwardId, cosm.id);
    const cosmStaff = viewer.staff(cosm.id);
    await p.accept(cosmStaff, onwardId);
    await p.arrive(cosmStaff, onwardId);
    expect(await p.get(police, answer.id)).toMatchObject({ status: 'ENDED' });
    expect(await capacityOf(p.dataSource, noodbed.id)).toMatchObject({ held: 0, occupied: 0 });
  });

  it('002:771-775 — a 15-year-old found by police at night goes to the youth-care worklist at once, and jeugdbescherming places her', async () => {
    const answer = await p.noodbed(police, { profile: MINOR_GIRL });
    expect(answer).toMatchObject({
      status: 'WAITING',
      waitingReason: 'AWAITING_AUTHORITY',
      waitingForAuthority: 'JEUGDBESCHERMING',
    });
    const assigned = await p.assign(jeugdbescherming, answer.id, youth.id);
    expect(assigned).toMatchObject({ status: 'OFFERED', facility: { id: youth.id } });
  });

  it('003:683-695 — an unaccompanied minor in an asylum procedure is Nidos’s to place, not shut out', async () => {
    const answer = await p.noodbed(police, { profile: UNACCOMPANIED_ASYLUM_BOY });
    expect(answer).toMatchObject({ status: 'WAITING', waitingForAuthority: 'JEUGDBESCHERMING' });
    const view = await p.list(nidos, { authority: 'JEUGDBESCHERMING' });
    expect(view.nodes.find((node) => node.id === answer.id)?.waitingForOrganisation).toBe('nidos');
    // Regional youth care does not even see a minor who is Nidos's to place.
    expect((await refusal(p.assign(jeugdbescherming, answer.id, youth.id))).code).toBe('NOT_FOUND');
    expect(await p.assign(nidos, answer.id, youth.id)).toMatchObject({ status: 'OFFERED' });
  });

  it('003:478, 002:726-730 — a woman with an unknown residence status on Saturday night is offered the women’s shelter', async () => {
    const request = await p.request(coordinator, { profile: UNKNOWN_STATUS_WOMAN, urgency: 'ACUTE' });
    expect(await p.expectStatus(coordinator, request.id, ['OFFERED'])).toMatchObject({ facility: { id: vo.id } });
  });

  it('000:2131-2134 — CoMensha hands a request back (aangifte done: VO is the place); only CoMensha may, and it is matched again without COSM', async () => {
    clock.set(TUESDAY_MORNING);
    const request = await p.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, urgency: 'PLANNED' });
    await p.expectStatus(coordinator, request.id, ['WAITING'], (r) => r.waitingReason === 'AWAITING_AUTHORITY');
    expect((await refusal(p.returnRequest(coordinator, request.id, 'not mine to return'))).code).toBe('FORBIDDEN');

    const returned = await p.returnRequest(comensha, request.id, 'aangifte gedaan: VO/MO');
    expect(returned.history.at(-1)!.note).toContain('aangifte gedaan');
    const offered = await p.expectStatus(coordinator, request.id, ['OFFERED']);
    expect(offered.facility).toMatchObject({ id: vo.id });
    expect((await capacityOf(p.dataSource, cosm.id)).held).toBe(0);
  });

  it('a hold that was accepted but where she never arrived lapses like an offer (domain.md §5a)', async () => {
    const answer = await p.noodbed(police, { profile: DUTCH_WOMAN });
    await p.accept(viewer.staff(vo.id), answer.id);
    expect((await capacityOf(p.dataSource, vo.id)).held).toBe(1);
    clock.set(new Date(SATURDAY_NIGHT.getTime() + 3 * HOUR));
    await p.sweep();
    const lapsed = await p.get(police, answer.id);
    expect(lapsed.history.map((h) => h.note ?? '').join('|')).toContain('she did not arrive in time');
    expect(lapsed.allocations.filter((a) => a.state === 'HELD' && a.facility.id === vo.id).length).toBeLessThanOrEqual(1);
  });

  it('000:2136-2137 — CoMensha assigns COSM only in its hours; after she left the noodbed, the onward request can still be placed', async () => {
    await voIsFull();
    const answer = await p.noodbed(police, { profile: WOMAN_IN_BEDENKTIJD });
    const onwardId = answer.followUp!.id;
    const noodbedStaff = viewer.staff(noodbed.id);
    await p.accept(noodbedStaff, answer.id);
    await p.arrive(noodbedStaff, answer.id);
    await p.expectStatus(comensha, onwardId, ['WAITING'], (r) => r.waitingReason === 'AWAITING_AUTHORITY');
    // Saturday night: CoMensha is closed, and says when it opens.
    const { message, ...closed } = await refusal(p.assign(comensha, onwardId, cosm.id));
    expect(closed).toEqual({
      code: 'CONFLICT',
      reason: 'AUTHORITY_CLOSED',
      authority: 'COMENSHA',
      kind: 'COSM',
      opensAt: MONDAY_OPENING.toISOString(),
    });
    expect(message).toContain(MONDAY_OPENING.toISOString());
    // Sunday she leaves the noodbed for a friend's; she holds no place now.
    await p.end(noodbedStaff, answer.id, 'staying with a friend until Monday');
    clock.set(new Date(MONDAY_OPENING.getTime() + HOUR));
    expect(await p.assign(comensha, onwardId, cosm.id)).toMatchObject({ status: 'OFFERED', facility: { id: cosm.id } });
  });

  it('002:765-767 — an onward request still without a place when her noodbed stay ends escalates, saying what was done', async () => {
    await voIsFull();
    const answer = await p.noodbed(police, { profile: WOMAN_IN_BEDENKTIJD });
    const noodbedStaff = viewer.staff(noodbed.id);
    await p.accept(noodbedStaff, answer.id);
    const placed = await p.arrive(noodbedStaff, answer.id);
    // The stay reaches past CoMensha's Monday opening (a day after it), not just three nights.
    expect(new Date(placed.stayEndsAt!).getTime()).toBeGreaterThanOrEqual(MONDAY_OPENING.getTime() + 24 * HOUR);
    clock.set(new Date(new Date(placed.stayEndsAt!).getTime() + HOUR));
    // Read as the sweep leaves it, before the jobs it queued (the onward request tried again) run.
    await p.sweep();
    const onward = await p.get(comensha, answer.followUp!.id);
    expect(onward.escalated).toBe(true);
    expect(onward.history.at(-1)!.note).toMatch(/interim stay .* has reached its end .* escalation contacts are sent a webhook/);
  });

  it('003:683-695 — youth care decides in its own regions, Nidos only for unaccompanied foreign minors', async () => {
    const answer = await p.noodbed(police, { profile: MINOR_GIRL });
    const elsewhere = viewer.of(Role.JEUGDBESCHERMING, 'veilig-thuis-ams', { regions: ['AMS'] });
    expect((await refusal(p.assign(elsewhere, answer.id, youth.id))).code).toBe('NOT_FOUND');
    expect((await p.list(elsewhere, { authority: 'JEUGDBESCHERMING' })).totalCount).toBe(0);
    expect((await refusal(p.assign(nidos, answer.id, youth.id))).code).toMatch(/NOT_FOUND|FORBIDDEN/);
    expect(await p.assign(jeugdbescherming, answer.id, youth.id)).toMatchObject({ status: 'OFFERED' });
  });

  it('000:2131-2134 — a request handed back with nothing else for her is escalated, never left on nobody’s worklist', async () => {
    clock.set(TUESDAY_MORNING);
    await voIsFull();
    const request = await p.request(coordinator, { profile: WOMAN_IN_BEDENKTIJD, urgency: 'PLANNED' });
    await p.expectStatus(coordinator, request.id, ['WAITING'], (r) => r.waitingReason === 'AWAITING_AUTHORITY');
    await p.returnRequest(comensha, request.id, 'COSM vol');
    const waiting = await p.expectStatus(coordinator, request.id, ['WAITING'], (r) => r.escalated);
    expect(waiting.waitingForAuthority).toBeNull();
    expect(waiting.history.at(-1)!.note).toContain('handed back');
  });
});
