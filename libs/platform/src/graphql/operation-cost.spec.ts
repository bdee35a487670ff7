import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSchema, parse } from 'graphql';
import { costErrors, extraRatePoints, FIELD_COSTS, operationCost } from './operation-cost';

/** The published contract: the costs are priced against the schema clients see. */
const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../../../schema.gql'), 'utf8'));
const cost = (query: string, variables?: Record<string, unknown>) => operationCost(schema, parse(query), undefined, variables);

const PROFILE = '{ gender: FEMALE, age: 30, exploitationTypes: [SEXUAL], threatLevel: NORMAL }';
const MATCH = `matchFacilities(profile: ${PROFILE}) { matchCount matches { score facility { id name } } }`;

describe('operation cost (issue 12)', () => {
  it('prices only fields the schema has (a renamed field must not silently become cheap)', () => {
    for (const coordinate of Object.keys(FIELD_COSTS)) {
      const [typeName, fieldName] = coordinate.split('.');
      const type = schema.getType(typeName) as { getFields?: () => Record<string, unknown> } | undefined;
      expect([coordinate, Boolean(type?.getFields?.()[fieldName])]).toEqual([coordinate, true]);
    }
  });

  it('counts objects, not scalars: `me` with its fields costs 1', () => {
    expect(cost('{ me { sub role org regions } }')).toBe(1);
    expect(cost('{ regions { code name } }')).toBe(1);
  });

  it("charges the attacker's 100 aliased matchFacilities 100 matches, far beyond the default limit", () => {
    const one = cost(`{ ${MATCH} }`);
    expect(one).toBeGreaterThanOrEqual(100);
    const hundred = cost(`{ ${Array.from({ length: 100 }, (_, i) => `m${i}: ${MATCH}`).join(' ')} }`);
    expect(hundred).toBe(100 * one);
    expect(hundred).toBeGreaterThan(2_500);
  });

  it('multiplies a page by its size, also when the size comes as a variable', () => {
    const page = 'query Page($first: Int) { placementRequests(first: $first) { edges { node { id facility { id } } } } }';
    // 1 + rows × (edges 1 + node 1 + facility 1)
    expect(cost(page, { first: 10 })).toBe(1 + 10 * 3);
    expect(cost(page, { first: 200 })).toBe(1 + 200 * 3);
    // Omitted: the resolver's default page (50).
    expect(cost(page)).toBe(1 + 50 * 3);
    // A row with only scalars still costs one.
    expect(cost('{ auditLog(first: 500) { id action } }')).toBe(1 + 500);
    expect(cost('{ auditLog { id } }')).toBe(1 + 100);
  });

  it('prices the insight queries above an ordinary read', () => {
    expect(cost('{ unmetDemand(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { requests } }')).toBe(100);
    expect(cost('{ placementStatistics(year: 2026) { placements byRegion { key count } } }')).toBe(101);
    expect(cost('{ capacityOverview { type total } }')).toBe(20);
  });

  it("prices the whole register by its rows: the red team's 100 aliased `facilities` (9 MB of answer) are refused", () => {
    const one = cost('{ facilities { id name capacity { available } } }');
    expect(one).toBeGreaterThanOrEqual(200);
    expect(cost(`{ ${Array.from({ length: 100 }, (_, i) => `f${i}: facilities { id }`).join(' ')} }`)).toBeGreaterThan(2_500);
  });

  it('draws nothing extra from the rate budget for a cheap read, and several points for heavy work', () => {
    expect(extraRatePoints(cost('{ me { role } }'))).toBe(0);
    expect(extraRatePoints(cost(`{ ${MATCH} }`))).toBeGreaterThanOrEqual(4);
    const twelve = cost(`{ ${Array.from({ length: 12 }, (_, i) => `f${i}: facilities { id }`).join(' ')} }`);
    expect(extraRatePoints(twelve)).toBeGreaterThanOrEqual(90);
  });

  it('counts a fragment as often as it is spread', () => {
    const query = `query { a: unmetDemand(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { ...U }
      b: unmetDemand(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { ...U } }
      fragment U on UnmetDemand { requests byReason { reason } }`;
    expect(cost(query)).toBe(2 * 101);
  });

  it('refuses beyond the maximum with BAD_USER_INPUT naming MAX_QUERY_COST, and passes within it', () => {
    const hundred = parse(`{ ${Array.from({ length: 100 }, (_, i) => `m${i}: ${MATCH}`).join(' ')} }`);
    const [refusal] = costErrors(schema, hundred, undefined, undefined, 2_500);
    expect(refusal.extensions.code).toBe('BAD_USER_INPUT');
    expect(refusal.message).toMatch(/^This operation costs \d+, more than the 2500 one operation may cost \(MAX_QUERY_COST\)/);
    expect(costErrors(schema, parse('{ me { role } }'), undefined, undefined, 2_500)).toEqual([]);
  });

  it('refuses, rather than guesses, when a page size variable has the wrong type', () => {
    const page = parse('query Page($first: Int) { placementRequests(first: $first) { totalCount } }');
    const [refusal] = costErrors(schema, page, 'Page', { first: 'lots' }, 2_500);
    expect(refusal.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('names operationName when it names no operation of the document, instead of a TypeError’s words (red team, issue 16)', () => {
    const [unknown] = costErrors(schema, parse('{ me { role } }'), 'X', undefined, 2_500);
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'operationName' });
    expect(unknown.message).toBe('operationName: no operation named "X" in the document; give the name of one of its operations');
    const two = parse('query A { me { role } } query B { regions { code } }');
    expect(costErrors(schema, two, undefined, undefined, 2_500)[0].message).toMatch(/^operationName: the document holds several/);
    expect(costErrors(schema, two, 'B', undefined, 2_500)).toEqual([]);
  });
});
