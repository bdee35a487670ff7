import { requestIdFrom } from './request-id';

describe('requestIdFrom', () => {
  it("keeps a proxy's id so one request's lines can be followed across hops", () => {
    expect(requestIdFrom('edge-7f3a.42')).toBe('edge-7f3a.42');
    expect(requestIdFrom(['first-id', 'second-id'])).toBe('first-id');
  });

  it('makes a new id when there is none, or when the given one could forge log lines', () => {
    for (const unusable of [undefined, '', 'a b', 'x\nlevel=error', 'é', 'x'.repeat(65)]) {
      const id = requestIdFrom(unusable);
      expect(id).not.toBe(unusable);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
