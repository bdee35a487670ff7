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
import { loadRegister } from '@opvangplek/composition';
import { type LoadableFacility, readFacilityDefinition, RegionEntity } from '@opvangplek/registry';
import type { DataSource } from 'typeorm';
import { type BenchContext, type BenchFigure, fmtMs, measureTogether } from '../figure';
import { postGraphql } from '../graphql-client';
import { type CallCost, costOneAtATime } from './call-cost';
import { tokenFor, withPrivateCluster } from './private-cluster';
import { matchInProcess, regionCodes, stageBreakdown } from './placement-support';
import { matchingMix, type ProfileInput } from './profiles';

const P99_LIMIT_MS = 200;
const BEDS_PER_EXTRA_NOODBED = 1000;
const APIS = 1;
/** Calls of each kind made one at a time to read what a call costs (call-cost.ts). */
const COST_CALLS = 60;
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

/**
 * One extra noodbed per region: the eligibility of the national noodbed-rr-1, at the region's
 * centre, 1000 beds; added through the register's loader, as any facility enters the register.
 * Like noodbed-rr-1's copies before, they have no intake line and take people found anywhere.
 */
async function addNoodbeds(dataSource: DataSource): Promise<number> {
  const template = await readFacilityDefinition(dataSource, 'noodbed-rr-1');
  if (!template) throw new Error('setup: the register has no noodbed-rr-1 to copy');
  const regions = await dataSource.getRepository(RegionEntity).find({ order: { code: 'ASC' } });
  const noodbeds: LoadableFacility[] = regions.map((region) => ({
    key: `bench-noodbed-${region.code.toLowerCase()}`,
    name: `Bench noodbed (regio ${region.name})`,
    type: template.type,
    operator: template.operator,
    regionCode: region.code,
    municipality: region.centralMunicipality,
    latitude: region.latitude,
    longitude: region.longitude,
    secretAddress: template.secretAddress,
    address: template.address,
    intakePhone: null,
    placingAuthority: template.placingAuthority,
    intakeHours: template.intakeHours,
    eligibility: { ...template.eligibility, foundInRegionCodes: [] },
    maxStayDays: template.maxStayDays,
    updateCadence: template.updateCadence,
    capacity: { total: BEDS_PER_EXTRA_NOODBED, occupied: 0, held: 0, outOfService: 0 },
  }));
  const report = await loadRegister(dataSource, { regions: [], facilities: noodbeds }, { now: new Date() });
  await dataSource.query('ANALYZE');
  return report.capacitiesInserted;
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
        const noodbedCall = async (i: number) => {
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
        };
        const facilitiesRead = (i: number) => postGraphql(apiUrl, token, FACILITIES, { filter: { regionCodes: [regionAt(i)] } });
        const [noodbedRun, facilitiesRun] = await measureTogether(load, [
          {
            key: 'noodbed',
            label: 'requestNoodbed',
            what: `POST /graphql requestNoodbed (POLICE) with a unique clientReference, ${mix.length} profiles and ${regions.length} regions in rotation; answer with facility and followUp`,
            operation: noodbedCall,
          },
          {
            key: 'facilities',
            label: 'facilities (region)',
            what: 'POST /graphql facilities(filter: { regionCodes: [the same region] }) through the same API: a plain read',
            operation: facilitiesRead,
          },
        ]);
        // What each call costs the processes, one at a time: the floor under the ratio above.
        const costCalls = Math.min(COST_CALLS, requests);
        const noodbedCost = await costOneAtATime(cluster.processes, costCalls, noodbedCall);
        const readCost = await costOneAtATime(cluster.processes, costCalls, facilitiesRead);
        const apiCpu = (cost: CallCost) => cost.cpuPerCall.get('api 0')!;
        const costText = (cost: CallCost) =>
          `${[...cost.cpuPerCall].map(([process, ms]) => `${process} ${fmtMs(ms)}`).join(', ')} of CPU a call; answered in p50 ${fmtMs(cost.p50)}, p90 ${fmtMs(cost.p90)}`;

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
            {
              label: 'API CPU a call, requestNoodbed ÷ facilities (one at a time)',
              value: apiCpu(noodbedCost) / apiCpu(readCost),
            },
            { label: 'p50 one at a time, requestNoodbed ÷ facilities', value: noodbedCost.p50 / readCost.p50 },
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
            `one at a time, ${costCalls} calls each, CPU read from /proc: requestNoodbed ${costText(noodbedCost)}; facilities ${costText(readCost)}` +
              " (the worker's share is the onward requests the calls opened)",
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
