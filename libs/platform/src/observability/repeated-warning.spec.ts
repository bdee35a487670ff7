import { RepeatedWarning } from './repeated-warning';

describe('RepeatedWarning: an outage repeated many times a second is a few lines (red team, issue 15)', () => {
  it('says a message once per interval, with how often it recurred since; another message at once', () => {
    const lines: string[] = [];
    let now = 0;
    const warning = new RepeatedWarning(
      (line) => lines.push(line),
      30_000,
      () => now,
    );
    // Five a second for 30 s (0 … 29.8 s): said once.
    for (let i = 0; i < 150; i++, now += 200) warning.say('queue connection: connect ECONNREFUSED');
    warning.say('Redis events connection: connect ECONNREFUSED');
    expect(lines).toEqual(['queue connection: connect ECONNREFUSED', 'Redis events connection: connect ECONNREFUSED']);
    warning.say('queue connection: connect ECONNREFUSED'); // at 30 s
    expect(lines.at(-1)).toBe('queue connection: connect ECONNREFUSED (149 more times in the last 30 s)');
    expect(lines).toHaveLength(3);
  });
});
