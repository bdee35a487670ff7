import { auditHash, type AuditFacts, GENESIS_HASH, verifyChain } from './audit-chain';

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
