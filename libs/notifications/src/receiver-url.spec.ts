import { receiverUrlProblem } from './receiver-url';

describe('where a webhook may be sent', () => {
  it('takes an https URL on a public host', () => {
    expect(receiverUrlProblem('https://hooks.comensha.example/opvangplek', false)).toBeNull();
  });

  it.each([
    ['http://hooks.example/x', 'must start with https://'],
    ['https://127.0.0.1/x', 'must be a public address'],
    ['https://10.1.2.3/x', 'must be a public address'],
    ['https://[::1]/x', 'must be a public address'],
    ['https://169.254.169.254/latest/meta-data', 'must be a public address'],
    ['https://localhost:8080/x', 'must be a public host'],
    ['https://localhost./x', 'must be a public host'],
    ['https://LOCALHOST./x', 'must be a public host'],
    ['https://[::ffff:127.0.0.1]/x', 'must be a public address'],
    ['https://user:pw@hooks.example/x', 'must not carry a user name or password'],
    ['ftp://hooks.example/x', 'must start with https://'],
    ['not a url', 'must be an absolute URL'],
  ])('refuses %s: %s', (url, problem) => {
    expect(receiverUrlProblem(url, false)).toBe(problem);
  });

  it('allows a local http receiver only when insecure receivers are allowed (development, tests)', () => {
    expect(receiverUrlProblem('http://127.0.0.1:9999/hook', true)).toBeNull();
  });
});
