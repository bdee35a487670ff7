import { createServer, type Server } from 'node:http';
import { Pool } from 'pg';
import { type BenchFigure, fmtMs, measureTogether } from '../figure';
import { postGraphql } from '../graphql-client';

const TYPES = ['VROUWENOPVANG', 'MAATSCHAPPELIJKE_OPVANG'];

const QUERY = `query BenchFacilitiesFiltered($filter: FacilityFilter) {
  facilities(filter: $filter) {
    id name type region { code name } municipality address secretAddress
    intake { openNow nextOpeningAt }
    capacity { total occupied held outOfService available freshness updatedAt }
  }
}`;

/** The same rows read with one hand-written query: what PostgreSQL plus the wire cost at least. */
const FLOOR_SQL = `SELECT f.*, r.*, c.*
  FROM facilities f
  JOIN regions r ON r.code = f.region_code
  JOIN capacity c ON c.facility_id = f.id
 WHERE f.region_code = $1 AND f.type = ANY($2::shelter_type[])
 ORDER BY f.region_code, f.type, f.name, f.id`;

const P99_LIMIT_MS = 25;
const FLOOR_RATIO_LIMIT = 3;

type FacilitiesData = { facilities: { id: string }[] };

/**
 * A plain node:http server on 127.0.0.1 answering every POST with a canned body (the GraphQL
 * response for the region the request names): what HTTP and JSON cost on this machine
 * without Nest, Apollo, GraphQL or the database. Informational only, no target is judged on it.
 */
async function startCannedServer(bodies: Map<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        variables: { filter: { regionCodes: string[] } };
      };
      const body = bodies.get(variables.filter.regionCodes[0]) ?? '{"errors":[{"message":"unknown region"}]}';
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Issue "Foundation" part 10: the filtered facilities list, against the physical floor. */
export const facilitiesFilteredFigure: BenchFigure = {
  name: 'facilities-filtered',
  description: `facilities(filter: one region, VROUWENOPVANG + MAATSCHAPPELIJKE_OPVANG) over HTTP vs one SQL query; targets p99 < ${P99_LIMIT_MS} ms and ≤ ${FLOOR_RATIO_LIMIT}× the floor`,
  scale: 10,
  async run(context) {
    const regions = ((await context.dataSource.query('SELECT code FROM regions ORDER BY code')) as { code: string }[]).map(
      (r) => r.code,
    );
    if (regions.length === 0) throw new Error('no regions in the bench database');
    const variablesFor = (code: string) => ({ filter: { regionCodes: [code], types: TYPES } });

    // For checking the rows only; the measured floor has a pool of its own in the load thread.
    const pool = new Pool({ connectionString: context.databaseUrl, max: 1, application_name: 'opvangplek-bench-check' });
    let canned: { url: string; close: () => Promise<void> } | undefined;
    try {
      // Both sides must read the same rows for every region, or the ratio means nothing. The order may
      // differ: the API sorts by the name each caller is shown (an anonymous name for a secret address),
      // which a caller-blind SQL statement cannot know; the floor still pays for an ORDER BY.
      const perRegion: number[] = [];
      const bodies = new Map<string, string>();
      let bodyBytes = 0;
      for (const code of regions) {
        const [sqlRows, api] = await Promise.all([
          pool.query<{ id: string }>(FLOOR_SQL, [code, TYPES]),
          postGraphql<FacilitiesData>(context.apiUrl, context.token, QUERY, variablesFor(code)),
        ]);
        const sqlIds = sqlRows.rows.map((row) => row.id);
        const apiIds = api.facilities.map((facility) => facility.id);
        const apiSet = new Set(apiIds);
        if (sqlIds.length !== apiIds.length || sqlIds.some((id) => !apiSet.has(id))) {
          throw new Error(
            `region ${code}: the SQL floor reads ${sqlIds.length} rows, GraphQL returns ${apiIds.length} (or other rows)`,
          );
        }
        perRegion.push(sqlIds.length);
        const body = JSON.stringify({ data: api });
        bodies.set(code, body);
        bodyBytes += Buffer.byteLength(body);
      }
      const totalRows = perRegion.reduce((a, b) => a + b, 0);
      const rowsNote =
        `same rows, checked for all ${regions.length} regions: ${regions[0]} → ${perRegion[0]} rows both ways; ` +
        `${Math.min(...perRegion)}–${Math.max(...perRegion)} rows per region (${(totalRows / regions.length).toFixed(1)} on average), ` +
        `GraphQL response ${(bodyBytes / regions.length / 1024).toFixed(1)} KiB on average`;
      canned = await startCannedServer(bodies);
      const cannedUrl = canned.url;

      // The load runs in a thread of its own (load-thread.ts); the API and the canned server stay on this one.
      const variables = regions.map(variablesFor);
      const [graphqlRun, floorRun, httpRun] = await measureTogether(context, [
        {
          key: 'graphql',
          label: 'GraphQL facilities',
          what: 'POST /graphql facilities(filter) to the in-process API over HTTP keep-alive (node:http), response read and parsed',
          offThread: { kind: 'graphql', apiUrl: context.apiUrl, token: context.token, query: QUERY, variables },
        },
        {
          key: 'sqlFloor',
          label: 'SQL floor',
          what: `one hand-written SELECT (facilities ⋈ regions ⋈ capacity, same filter and order) through a pg Pool of ${context.concurrency}`,
          offThread: {
            kind: 'sql',
            databaseUrl: context.databaseUrl,
            sql: FLOOR_SQL,
            params: regions.map((code) => [code, TYPES]),
            poolSize: context.concurrency,
            applicationName: 'opvangplek-bench-floor',
          },
        },
        {
          key: 'httpCanned',
          label: 'HTTP canned (info)',
          what: 'the same POST to a bare node:http server on this thread answering with the stored GraphQL response: HTTP + JSON only',
          offThread: { kind: 'graphql', apiUrl: cannedUrl, token: context.token, query: QUERY, variables },
        },
      ]);

      const p50Ratio = graphqlRun.stats.p50 / floorRun.stats.p50;
      const p99Ratio = graphqlRun.stats.p99 / floorRun.stats.p99;
      const truncated = graphqlRun.stats.truncated || floorRun.stats.truncated;
      return {
        measurements: [graphqlRun, floorRun, httpRun],
        ratios: [
          { label: 'p50 GraphQL ÷ SQL floor', value: p50Ratio },
          { label: 'p99 GraphQL ÷ SQL floor', value: p99Ratio },
          { label: 'p50 HTTP canned ÷ SQL floor (info)', value: httpRun.stats.p50 / floorRun.stats.p50 },
        ],
        targets: [
          {
            label: `p99 < ${P99_LIMIT_MS} ms`,
            measured: `p99 ${fmtMs(graphqlRun.stats.p99)}`,
            pass: graphqlRun.stats.p99 < P99_LIMIT_MS && !truncated,
          },
          {
            label: `p99 ≤ ${FLOOR_RATIO_LIMIT}× SQL floor`,
            measured: `${p99Ratio.toFixed(2)}×`,
            pass: p99Ratio <= FLOOR_RATIO_LIMIT && !truncated,
          },
        ],
        notes: [
          rowsNote,
          `region codes rotate over all ${regions.length} regions: request i asks for region i mod ${regions.length}, on every side`,
          'the load (HTTP client and the floor’s pg pool) runs in a worker thread of this process (load-thread.ts); the API and the canned server share the main thread, one measured at a time',
        ],
      };
    } finally {
      await canned?.close();
      await pool.end();
    }
  },
};
