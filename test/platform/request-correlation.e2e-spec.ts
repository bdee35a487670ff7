import { ShelterType } from '@opvangplek/domain';
import { freePort } from '@opvangplek/platform/database';
import { insertFacilities } from '../support/factories';
import { testEnvironment, uniqueNamespace } from '../support/test-config';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { testRedisUrl } from '../support/test-env';
import { type RunningProcess, startProcess } from '../support/test-processes';
import { deleteNamespaceKeys, type RunningWorker, startWorker } from '../placement/resilience-support';
import { eventually, facilityOf, POLISH_WORKER, REQUEST_PLACEMENT, token } from '../placement/support';

/** The JSON log lines of a process's output (Nest's plain start-up lines are skipped). */
function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Issue 15, "structured JSON logs with a request id across API and worker": one grep for a request's
 * id finds the API's line for it and the worker's lines for the jobs it queued. Real API and worker
 * processes on Redis, their stdout read as an operator would read it.
 */
const maybe = testRedisUrl() ? describe : describe.skip;
maybe('one request id across API and worker (issue 15)', () => {
  let database: TestDatabase;
  let api: RunningProcess;
  let worker: RunningWorker;
  let namespace: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await insertFacilities(database.dataSource, [facilityOf(ShelterType.NLA_CRISIS, 2, { regionCode: 'RR' })]);
    namespace = uniqueNamespace();
    // info: the worker's one line per job is written at info (tests otherwise log warnings only).
    const env = { ...testEnvironment(database.url, 'redis', namespace), LOG_LEVEL: 'info', SWEEP_SECONDS: '1' };
    [api, worker] = await Promise.all([startProcess('api', env, { port: await freePort() }), startWorker(env)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await deleteNamespaceKeys(testRedisUrl()!, namespace);
    await database?.drop();
  });

  it('a request sent with X-Request-Id abc-123 leads to worker job lines carrying abc-123', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token.nla()}`, 'x-request-id': 'abc-123' },
      body: JSON.stringify({
        query: REQUEST_PLACEMENT,
        variables: { input: { urgency: 'URGENT', regionCode: 'RR', profile: POLISH_WORKER } },
      }),
    });
    const body = (await response.json()) as { data?: { requestPlacement?: { id: string } } };
    const requestId = body.data?.requestPlacement?.id;
    expect(requestId).toBeDefined();

    // The API's line for the HTTP request.
    await eventually(async () => {
      const line = logLines(api.output()).find((entry) => (entry.req as { id?: string } | undefined)?.id === 'abc-123');
      if (!line) throw new Error(`no API line for abc-123 in:\n${api.output()}`);
      expect(line).toMatchObject({ process: 'api', correlationId: 'abc-123' });
    });
    // The worker's line for the matching job that request queued, under the same id.
    const jobLine = await eventually(async () => {
      const line = logLines(worker.output()).find(
        (entry) => entry.job === 'MatchRequestJob' && String(entry.jobId).startsWith(`match.${requestId}.`),
      );
      if (!line) throw new Error(`no MatchRequestJob line for ${requestId} in:\n${worker.output()}`);
      return line;
    }, 15_000);
    expect(jobLine).toMatchObject({ process: 'worker', correlationId: 'abc-123', msg: 'job done' });
  });
});
