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
});
