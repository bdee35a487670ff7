import { APP_ALGORITHM, auditHmac, FOREIGN_ALGORITHM, GENESIS_HASH, sealingAlgorithm, verifyChain } from './audit-chain';
import { auditRowKey, isAuthenticAuditRow, signAuditRow } from './audit-row-mac';

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

describe('audit row MAC (issue 12)', () => {
  it('verifies the facts it was made for, and no others', () => {
    const rowMac = signAuditRow(rowKey, facts);
    expect(rowMac).toMatch(/^v1\.[\w-]{22}\.[0-9a-f]{64}$/);
    expect(isAuthenticAuditRow(rowKey, { ...facts, rowMac })).toBe(true);
    expect(isAuthenticAuditRow(rowKey, { ...facts, detail: 'v5 total=15 occupied=10 held=1 outOfService=0', rowMac })).toBe(
      false,
    );
    expect(isAuthenticAuditRow(rowKey, { ...facts, at: new Date('2026-11-21T10:00:00Z'), rowMac })).toBe(false);
    expect(isAuthenticAuditRow(auditRowKey(Buffer.alloc(32, 8)), { ...facts, rowMac })).toBe(false);
    expect(isAuthenticAuditRow(rowKey, { ...facts, rowMac: null })).toBe(false);
    expect(isAuthenticAuditRow(rowKey, { ...facts, rowMac: 'v1.x.zz' })).toBe(false);
  });

  it('is a different value every time (a copied MAC is refused by the unique column)', () => {
    expect(signAuditRow(rowKey, facts)).not.toBe(signAuditRow(rowKey, facts));
  });

  it('is not the audit key itself', () => {
    expect(rowKey.equals(key)).toBe(false);
  });

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
