import { auditRowKey, signAuditRow } from '@opvangplek/platform';
import {
  APP_ALGORITHM,
  auditHash,
  type AuditFacts,
  auditHmac,
  FOREIGN_ALGORITHM,
  GENESIS_HASH,
  sealingAlgorithm,
  verifyChain,
} from './audit-chain';

function chain(facts: AuditFacts[]) {
  let previous = GENESIS_HASH;
  return facts.map((row) => {
    const hash = auditHash(previous, row);
    const sealed = { ...row, prevHash: previous, hash };
    previous = hash;
    return sealed;
  });
}

const row = (id: string, detail: string): AuditFacts => ({
  id,
  at: new Date('2026-11-22T10:00:00Z'),
  actorSub: 'sub',
  actorRole: 'ADMIN',
  actorOrg: 'org',
  action: 'capacity.update',
  requestId: null,
  facilityId: null,
  detail,
});

describe('audit chain', () => {
  const rows = chain([row('1', 'a'), row('2', 'b'), row('3', 'c')]);

  it('verifies an untouched chain', () => {
    expect(verifyChain(rows)).toBeNull();
  });

  it('finds a changed row', () => {
    const tampered = rows.map((r) => (r.id === '2' ? { ...r, detail: 'changed' } : r));
    expect(verifyChain(tampered)).toEqual({ id: '2', problem: expect.stringContaining('content does not match') });
  });

  it('finds a removed row', () => {
    expect(verifyChain([rows[0], rows[2]])).toEqual({ id: '3', problem: expect.stringContaining('removed') });
  });

  it('distinguishes fields that would concatenate to the same text', () => {
    const a = auditHash(GENESIS_HASH, { ...row('1', 'x'), actorSub: 'ab', actorRole: 'c' });
    const b = auditHash(GENESIS_HASH, { ...row('1', 'x'), actorSub: 'a', actorRole: 'bc' });
    expect(a).not.toBe(b);
  });
});

describe('the chain over row MACs (issue 12)', () => {
  const key = Buffer.alloc(32, 7);
  const rowKey = auditRowKey(key);
  const facts = {
    at: new Date('2026-11-22T10:00:00Z'),
    actorSub: 'sub',
    actorRole: 'SHELTER_STAFF',
    actorOrg: 'org',
    action: 'capacity.update',
    requestId: null,
    facilityId: '5d0c4a43-6a5b-4a57-9a4e-1f8e2a6f0c11',
    detail: 'v5 total=14 occupied=10 held=1 outOfService=0',
  };

  it("seals with the verdict in the algorithm, covered by the chain's HMAC", () => {
    const genuine = { ...facts, id: '1', recordedAt: facts.at, rowMac: signAuditRow(rowKey, facts) };
    const forged = { ...facts, id: '2', recordedAt: facts.at, rowMac: null };
    expect(sealingAlgorithm(rowKey, genuine)).toBe(APP_ALGORITHM);
    expect(sealingAlgorithm(rowKey, forged)).toBe(FOREIGN_ALGORITHM);
    const first = auditHmac(key, GENESIS_HASH, genuine, APP_ALGORITHM);
    const second = auditHmac(key, first, forged, FOREIGN_ALGORITHM);
    const chain = [
      { ...genuine, prevHash: GENESIS_HASH, hash: first, alg: APP_ALGORITHM },
      { ...forged, prevHash: first, hash: second, alg: FOREIGN_ALGORITHM },
    ];
    expect(verifyChain(chain, GENESIS_HASH, { key })).toBeNull();
    // Relabelling the forged row as the application's breaks its hash.
    expect(verifyChain([chain[0], { ...chain[1], alg: APP_ALGORITHM }], GENESIS_HASH, { key })?.id).toBe('2');
    // A row sealed as the application's whose MAC does not verify is a break.
    const relabelled = auditHmac(key, first, forged, APP_ALGORITHM);
    expect(verifyChain([chain[0], { ...chain[1], hash: relabelled, alg: APP_ALGORITHM }], GENESIS_HASH, { key })).toEqual({
      id: '2',
      problem: expect.stringContaining('row MAC does not match'),
    });
  });
});
