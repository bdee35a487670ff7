import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSchema, type DocumentNode, type GraphQLSchema, parse, validate, type VariableDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import * as agents from './agents';
import { generateArrivals } from './demand';
import { seededRandom } from './random';

/**
 * The simulation talks to the real API: its operations and the variables it builds must fit the
 * committed schema, or a run spends its hours counting refusals (issue 19, items 2 and 3).
 */
const schema: GraphQLSchema = buildSchema(readFileSync(path.join(__dirname, '../../../../schema.gql'), 'utf8'));

function problems(document: string, variables: Record<string, unknown>): string[] {
  const parsed: DocumentNode = parse(document);
  const errors = validate(schema, parsed).map((e) => e.message);
  const operation = parsed.definitions[0] as { variableDefinitions?: readonly VariableDefinitionNode[] };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  return [...errors, ...(coerced.errors ?? []).map((e) => e.message)];
}

const arrivals = generateArrivals(seededRandom(19), {
  from: new Date('2027-01-04T00:00:00Z'),
  to: new Date('2027-04-04T00:00:00Z'),
  peoplePerYear: 6_000,
  regionCodes: ['AMS', 'RR'],
});
const ID = '00000000-0000-4000-8000-000000000000';

describe('national year: what the simulated people send fits the API (schema.gql)', () => {
  it('every operation validates', () => {
    const documents = Object.entries(agents).filter(([, value]) => typeof value === 'string') as [string, string][];
    expect(documents.length).toBeGreaterThanOrEqual(10);
    for (const [name, document] of documents)
      expect({ name, errors: validate(schema, parse(document)).map((e) => e.message) }).toEqual({ name, errors: [] });
  });

  it('every ask of a generated arrival, and every planned raid, coerces (issue 19 item 3: planAction)', () => {
    for (const arrival of arrivals.slice(0, 300)) {
      const ask = agents.askFor(arrival);
      expect(problems(ask.query, ask.variables)).toEqual([]);
    }
    const raids = arrivals.filter((a) => a.channel === 'NLA');
    expect(raids.length).toBeGreaterThan(5);
    for (const raid of raids) expect(problems(agents.PLAN_ACTION, agents.planFor(raid))).toEqual([]);
  });

  it('a transfer (SAFETY with a region, MOVE_ON without) and a capacity update with expectedVersion coerce (items 2, 3)', () => {
    expect(problems(agents.REQUEST_TRANSFER, agents.transferFor(ID, 'RR'))).toEqual([]);
    expect(problems(agents.REQUEST_TRANSFER, agents.transferFor(ID, null))).toEqual([]);
    expect(
      problems(agents.RECORD_ROUTE_DECISION, { requestId: ID, shelter: true, reason: 'screeningsoverleg (simulatie)' }),
    ).toEqual([]);
    expect(agents.transferFor(ID, null)).toEqual({ requestId: ID, reason: 'MOVE_ON' });
    expect(
      problems(agents.UPDATE_CAPACITY, {
        input: { facilityId: ID, total: 10, occupied: 9, outOfService: 0, expectedVersion: 3 },
      }),
    ).toEqual([]);
    // The check can fail: a field the API does not know is refused.
    expect(
      problems(agents.UPDATE_CAPACITY, { input: { facilityId: ID, total: 10, occupied: 9, held: 1, expectedVersion: 3 } }),
    ).not.toEqual([]);
  });
});
