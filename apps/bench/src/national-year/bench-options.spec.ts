import { parseBenchOptions } from '../bench.command';
import { FIGURES } from '../figures';

describe('npm run bench -- --only national-year (issue 19)', () => {
  it('reads --quick (a simulated month) and a fixed seed, speed and volume', () => {
    const options = parseBenchOptions(['--only', 'national-year', '--quick', '--seed', '42', '--people', '6000']);
    expect(options.only).toEqual(['national-year']);
    expect(options.year).toEqual({ quick: true, seed: 42, speed: undefined, peoplePerYear: 6000 });
    expect(parseBenchOptions(['--only=national-year']).year).toMatchObject({
      quick: false,
      seed: 20_270_104,
      peoplePerYear: 1_100,
    });
  });

  it('refuses a speed of 0 with the option named', () => {
    expect(() => parseBenchOptions(['--only', 'national-year', '--speed', '0'])).toThrow('--speed must be a whole number');
  });

  it('is opt-in: a plain bench run does not start a simulated year', () => {
    const year = FIGURES.find((figure) => figure.name === 'national-year');
    expect(year?.optIn).toBe(true);
    expect(FIGURES.filter((figure) => figure.optIn).map((figure) => figure.name)).toEqual([
      'national-year',
      'soak',
      'fan-out',
      'night',
    ]);
  });
});

describe('npm run bench -- --only soak (issue 15)', () => {
  it('runs 5 minutes at 3 requests a second unless told otherwise', () => {
    expect(parseBenchOptions(['--only', 'soak']).soak).toEqual({ seconds: 300, rate: 3 });
    expect(parseBenchOptions(['--only', 'soak', '--soak-seconds', '60', '--soak-rate', '2.5']).soak).toEqual({
      seconds: 60,
      rate: 2.5,
    });
  });

  it('refuses a rate or length it cannot run, naming the option', () => {
    expect(() => parseBenchOptions(['--only', 'soak', '--soak-rate', '0'])).toThrow('--soak-rate must be a number');
    expect(() => parseBenchOptions(['--only', 'soak', '--soak-rate', 'fast'])).toThrow('--soak-rate must be a number');
    expect(() => parseBenchOptions(['--only', 'soak', '--soak-seconds', '5'])).toThrow('--soak-seconds must be a whole number');
  });

  it('is opt-in: minutes of load only when asked for', () => {
    expect(FIGURES.find((figure) => figure.name === 'soak')?.optIn).toBe(true);
  });
});
