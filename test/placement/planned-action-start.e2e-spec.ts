/**
 * A planned action starts at its window's opening, by a job of its own, not at the next sweep: its
 * people's first contact is the window's start ("bij voorbereiding handhavingsactie zorg en opvang
 * slachtoffers expliciet meenemen", 003:493-496), and the chain's 15 minutes run from it (issue 19).
 */
import { Gender, ShelterType } from '@opvangplek/domain';
import { FixedClock } from '@opvangplek/platform/clock';
import { PlacementJob, PlacementProcessor, PlacementQueue, type StartPlannedActionJobData } from '@opvangplek/placement';
import type { Job } from 'bullmq';
import { insertFacilities } from '../support/factories';
import { gql } from '../support/graphql-client';
import type { TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { eventually, facilityOf, HOUR, MINUTE, startPlacementApp, stopApp, sweep, token } from './support';

/** Tuesday 1 December 2026, 10:00 in Amsterdam: the raid is being prepared. */
const TUESDAY_MORNING = new Date('2026-12-01T09:00:00.000Z');
/** The same day, 13:00: the raid starts. */
const TUESDAY_13 = new Date(TUESDAY_MORNING.getTime() + 3 * HOUR);

const PLAN = `mutation Plan($input: PlannedActionInput!) { planAction(input: $input) { id status requestIds } }`;
const GET = `query Get($id: ID!) { plannedAction(id: $id) { id status requestIds } }`;

describe('a planned action starts at its window’s opening, not at the next sweep (003:493-496)', () => {
  const clock = new FixedClock(TUESDAY_MORNING);
  let database: TestDatabase;
  let api: TestApp;
  let coordinator: string;
  let actionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertFacilities(
      database.dataSource,
      [facilityOf(ShelterType.VROUWENOPVANG, 4, { total: 8, eligibility: { genders: [Gender.FEMALE] } })],
      { now: TUESDAY_MORNING },
    );
    // The sweep runs hourly here (startPlacementApp): only the action's own job can start it on time.
    api = await startPlacementApp(database.url, clock);
    coordinator = await token.coordinator(['RR']);
  });
  afterAll(() => stopApp(api, database));

  /** The action's start job, once the queue has it (the planner's answer does not wait for the queue). */
  const startJob = () =>
    eventually(async () => {
      const jobs = (await api.app
        .get(PlacementQueue)
        .queue.getJobs(['delayed', 'waiting', 'prioritized'])) as Job<StartPlannedActionJobData>[];
      const job = jobs.find(
        (candidate) => candidate.name === PlacementJob.StartPlannedAction && candidate.data.actionId === actionId,
      );
      if (!job) throw new Error(`no start job for planned action ${actionId}`);
      return job;
    });
  const action = async () =>
    (
      await gql<{ plannedAction: { status: string; requestIds: string[] } }>(api.url, GET, {
        token: coordinator,
        variables: { id: actionId },
      })
    ).data!.plannedAction;

  it('Tuesday 10:00: the coordinator plans a raid for 13:00 with two women expected, and its start is set for 13:00', async () => {
    const answer = await gql<{ planAction: { id: string; status: string } }>(api.url, PLAN, {
      token: coordinator,
      variables: {
        input: {
          regionCode: 'RR',
          onBehalfOf: 'AVIM',
          onBehalfOfOrganisation: 'avim-rotterdam',
          startsAt: TUESDAY_13.toISOString(),
          endsAt: new Date(TUESDAY_13.getTime() + 6 * HOUR).toISOString(),
          expected: [{ count: 2, gender: 'FEMALE', exploitationTypes: ['SEXUAL'] }],
        },
      },
    });
    expect(answer.errors).toBeUndefined();
    actionId = answer.data!.planAction.id;
    const job = await startJob();
    expect(job.data.dueAtMs).toBe(TUESDAY_13.getTime());
    // The fixed clock runs at wall speed and cannot change it: one job waits the whole three hours.
    expect(job.opts.delay).toBe(3 * HOUR);
  });

  it('a start job that runs before the window (a clock that slowed down, another process) starts nothing and is set again for the rest', async () => {
    clock.advance(3 * HOUR - MINUTE);
    const job = await startJob();
    expect(await api.app.get(PlacementProcessor).process(job)).toEqual({ setAgain: true });
    expect(await action()).toMatchObject({ status: 'PLANNED', requestIds: [] });
    const rest = await api.app.get(PlacementQueue).queue.getJob(`${job.id}.again1`);
    expect(rest?.data).toMatchObject({ actionId, dueAtMs: TUESDAY_13.getTime() });
    expect(rest?.opts.delay).toBe(MINUTE);
  });

  it('at 13:00 the job the queue releases makes the two requests, with no sweep run; a sweep after it starts nothing again', async () => {
    clock.set(TUESDAY_13);
    const job = await startJob();
    expect(await api.app.get(PlacementProcessor).process(job)).toEqual({ started: true });
    const started = await action();
    expect(started.status).toBe('STARTED');
    expect(started.requestIds).toHaveLength(2);
    expect((await sweep(api)).actionsStarted).toBe(0);
    expect((await action()).requestIds).toEqual(started.requestIds);
  });
});
