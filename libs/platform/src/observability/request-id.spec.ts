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

  it('makes a new id for one shaped like a token (three dot-separated parts), so a token sent there never reaches the logs (red team, issue 15)', () => {
    for (const tokenLike of ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', 'a.b.', 'x_y.z-1.q']) {
      expect(requestIdFrom(tokenLike)).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestIdFrom('edge.7f3a')).toBe('edge.7f3a');
  });
});
