/**
 * Issue "Placement workflow" part 9 (c): how long a police officer waits for `requestNoodbed` to
 * answer, with the noodbed held (matched inline in the API call, not by the worker). One API and
 * one worker process from dist/ (the worker matches the onward requests each noodbed opens, as in
 * production), on a private database holding the national register plus one extra NOODBED per
 * region with 1000 free places, so no answer is "no bed" for lack of beds. Each call has its own
 * clientReference (a retry would return the stored request instead of matching).
 *
 * Baseline: `facilities(filter: { regionCodes: [same region] })`, a plain register read through the
 * same API, measured interleaved with it: what any answer from this API costs before placement work.
 */
import { randomBytes } from 'node:crypto';
import { Role, ShelterType } from '@opvangplek/domain';
import type { DataSource } from 'typeorm';
import { type BenchContext, type BenchFigure, fmtMs, measureTogether } from '../figure';
import { postGraphql } from '../graphql-client';
import { tokenFor, withPrivateCluster } from './private-cluster';
import { matchInProcess, regionCodes, stageBreakdown } from './placement-support';
import { matchingMix, type ProfileInput } from './profiles';

const P99_LIMIT_MS = 200;
const BEDS_PER_EXTRA_NOODBED = 1000;
const APIS = 1;
const WORKERS = 1;

const REQUEST_NOODBED = `mutation BenchNoodbed($input: NoodbedRequestInput!) {
  requestNoodbed(input: $input) {
    id status offerExpiresAt
    facility { id name type region { code } }
    followUp { id status types }
  }
}`;

const FACILITIES = `query BenchRegion($filter: FacilityFilter) {
  facilities(filter: $filter) {
    id name type region { code } secretAddress
    capacity { total occupied held outOfService available }
  }
}`;

type NoodbedData = { requestNoodbed: { id: string; status: string; facility: { type: string } | null } };

/** The police questions of the matching mix a noodbed can answer (adults, one at a time). */
function noodbedMix(): { label: string; profile: ProfileInput }[] {
  return matchingMix()
    .filter((m) => m.label !== 'minor (16)')
    .map((m) => (m.profile.groupSize ? { label: 'EU man, labour', profile: { ...m.profile, groupSize: 1 } } : m));
}

/** One extra noodbed per region: the eligibility of the national noodbed-rr-1, at the region's centre, 1000 beds. */
async function addNoodbeds(dataSource: DataSource): Promise<number> {
  await dataSource.query(
    `INSERT INTO facilities (key, name, type, operator, region_code, municipality, latitude, longitude, secret_address, address,
                             placing_authority, intake_hours, genders, min_age, max_age, exploitation_types, residence_statuses,
                             b8_statuses, accepts_care_needs, accepts_children, max_group_size, max_stay_days, update_cadence)
     SELECT 'bench-noodbed-' || lower(r.code), 'Bench noodbed (regio ' || r.name || ')', f.type, f.operator, r.code,
            r.central_municipality, r.latitude, r.longitude, f.secret_address, f.address, f.placing_authority, f.intake_hours,
            f.genders, f.min_age, f.max_age, f.exploitation_types, f.residence_statuses, f.b8_statuses, f.accepts_care_needs,
            f.accepts_children, f.max_group_size, f.max_stay_days, f.update_cadence
       FROM regions r CROSS JOIN facilities f
      WHERE f.key = 'noodbed-rr-1'`,
  );
  const inserted = (await dataSource.query(
    `INSERT INTO capacity (facility_id, total, occupied, held, out_of_service, version, updated_at, confirmed_at)
     SELECT id, $1, 0, 0, 0, 1, now(), now() FROM facilities WHERE key LIKE 'bench-noodbed-%'
     RETURNING facility_id`,
    [BEDS_PER_EXTRA_NOODBED],
  )) as unknown[];
  await dataSource.query('ANALYZE');
  return inserted.length;
}

export const noodbedAnswerFigure: BenchFigure = {
  name: 'noodbed-answer',
  description: `requestNoodbed (POLICE) answer time vs facilities(region) through the same API; target p99 < ${P99_LIMIT_MS} ms`,
  scale: 10,
  async run(context: BenchContext) {
    const mix = noodbedMix();
    let setupNote = '';
    return withPrivateCluster(
      context,
      {
        suffix: 'noodbed',
        scale: context.scale,
        apis: APIS,
        workers: WORKERS,
        prepare: async (db) => {
          const added = await addNoodbeds(db.dataSource);
          for (const { label, profile } of mix) {
            const result = await matchInProcess(context, db.dataSource, profile, { requesterRegionCode: 'RR' });
            if (!result.matches.some((m) => m.placeableNow && m.facility.type === ShelterType.NOODBED))
              throw new Error(`setup: no noodbed placeable now for "${label}"`);
          }
          const [{ facilities }] = (await db.dataSource.query('SELECT count(*)::int AS facilities FROM facilities')) as {
            facilities: number;
          }[];
          setupNote =
            `register: national ×${context.scale} plus ${added} extra noodbeds (one per region, ${BEDS_PER_EXTRA_NOODBED} beds each): ` +
            `${facilities} facilities; every profile has a noodbed placeable now (checked with the matcher in this process)`;
          context.log(`  ${setupNote}`);
        },
      },
      async (db, cluster, started) => {
        const regions = await regionCodes(db.dataSource);
        const token = await tokenFor(context, { role: Role.POLICE, org: 'bench-avim', regions });
        const apiUrl = cluster.apiUrls[0];
        const reference = `bench-n-${randomBytes(3).toString('hex')}-`;
        const regionAt = (i: number) => regions[i % regions.length];
        const answers = new Map<string, number>();
        const answeredIds: string[] = [];
        let calls = 0;

        const requests = Math.min(context.requests, 200);
        const load = {
          ...context,
          requests,
          warmup: Math.min(context.warmup, 20),
          concurrency: Math.min(context.concurrency, 4),
          rounds: Math.min(context.rounds, requests),
          maxDurationMs: Math.min(context.maxDurationMs, 45_000),
        };
        context.log(
          `  processes ready in ${started.seconds} s; load: ${load.requests} requests, ${load.warmup} warm-up, ${load.concurrency} concurrent` +
            (load.requests < context.requests || load.concurrency < context.concurrency ? ' (reduced, to stay bounded)' : ''),
        );
        const [noodbedRun, facilitiesRun] = await measureTogether(load, [
          {
            key: 'noodbed',
            label: 'requestNoodbed',
            what: `POST /graphql requestNoodbed (POLICE) with a unique clientReference, ${mix.length} profiles and ${regions.length} regions in rotation; answer with facility and followUp`,
            operation: async (i) => {
              const answer = await postGraphql<NoodbedData>(apiUrl, token, REQUEST_NOODBED, {
                input: {
                  profile: mix[i % mix.length].profile,
                  regionCode: regionAt(i),
                  clientReference: `${reference}${calls++}`,
                },
              });
              const key = `${answer.requestNoodbed.status}${answer.requestNoodbed.facility ? ` at ${answer.requestNoodbed.facility.type}` : ''}`;
              answers.set(key, (answers.get(key) ?? 0) + 1);
              answeredIds.push(answer.requestNoodbed.id);
            },
          },
          {
            key: 'facilities',
            label: 'facilities (region)',
            what: 'POST /graphql facilities(filter: { regionCodes: [the same region] }) through the same API: a plain read',
            operation: (i) => postGraphql(apiUrl, token, FACILITIES, { filter: { regionCodes: [regionAt(i)] } }),
          },
        ]);

        const breakdown = await stageBreakdown(
          db.dataSource,
          answeredIds,
          ['OFFERED', 'WAITING'],
          'written together as the request is stored',
        );
        const offered = [...answers].filter(([key]) => key.startsWith('OFFERED')).reduce((sum, [, n]) => sum + n, 0);
        const total = [...answers.values()].reduce((a, b) => a + b, 0);
        const truncated = noodbedRun.stats.truncated;
        return {
          measurements: [noodbedRun, facilitiesRun],
          ratios: [
            { label: 'p50 requestNoodbed ÷ facilities', value: noodbedRun.stats.p50 / facilitiesRun.stats.p50 },
            { label: 'p99 requestNoodbed ÷ facilities', value: noodbedRun.stats.p99 / facilitiesRun.stats.p99 },
          ],
          targets: [
            {
              label: `p99 requestNoodbed < ${P99_LIMIT_MS} ms, every answer a held place`,
              measured: `p99 ${fmtMs(noodbedRun.stats.p99)}; ${offered} of ${total} answers OFFERED`,
              pass: noodbedRun.stats.p99 < P99_LIMIT_MS && offered === total && !truncated,
            },
          ],
          notes: [
            setupNote,
            `${breakdown}; all inside the requestNoodbed call (the second stage includes storing the request), ` +
              'the rest of the answer time is validating the input, announcing the changes and rendering the answer',
            `queue backend ${context.config.queueBackend}, events ${context.config.eventsBackend}; ${APIS} API + ${WORKERS} worker process(es) from dist/ (NODE_ENV=test), started in ${started.seconds} s`,
            `answers (warm-up included): ${[...answers].map(([key, n]) => `${n} ${key}`).join(', ')}`,
            `profiles: ${mix.map((m) => m.label).join(', ')}`,
          ],
        };
      },
    );
  },
};
