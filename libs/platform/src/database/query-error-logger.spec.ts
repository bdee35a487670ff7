import { Logger } from '@nestjs/common';
import { QueryErrorLogger } from './query-error-logger';

describe('QueryErrorLogger (TypeORM’s logger)', () => {
  const secret = 'Marieke de Vries, Kerkstraat 12';
  let error: jest.SpyInstance;
  let debug: jest.SpyInstance;

  beforeEach(() => {
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('logs a failed statement by its error and its start, never its parameters', () => {
    const failure = Object.assign(new Error('value too long for type character varying(200)'), { code: '22001' });
    new QueryErrorLogger().logQueryError(failure, 'INSERT INTO  "placement_events"\n ("by") VALUES ($1)', [secret]);
    expect(error).toHaveBeenCalledTimes(1);
    const [line] = error.mock.calls[0] as [string];
    expect(line).toContain('(22001): value too long');
    expect(line).toContain('INSERT INTO "placement_events" ("by") VALUES ($1)');
    expect(line).not.toContain(secret);
  });

  it('logs a unique violation at debug level only: the caller that expects one handles it', () => {
    const duplicate = Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code: '23505' });
    new QueryErrorLogger().logQueryError(duplicate, 'INSERT INTO t VALUES ($1)', [secret]);
    expect(error).not.toHaveBeenCalled();
    expect(debug).toHaveBeenCalledTimes(1);
    expect(String(debug.mock.calls[0][0])).not.toContain(secret);
  });

  it('cuts a long statement', () => {
    new QueryErrorLogger().logQueryError('failed', `SELECT ${'x, '.repeat(500)}1`);
    expect((error.mock.calls[0] as [string])[0].length).toBeLessThan(260);
  });
});
