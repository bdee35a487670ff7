import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** How much of a failed statement is logged: enough to know which one it was. */
const STATEMENT_SHOWN = 160;

/**
 * TypeORM's logger: a failed statement is logged through the service's own logger (structured,
 * with the request's correlation id), by its error and the start of the statement, never with its
 * parameters, which hold personal data, sealed or not. TypeORM's own logger printed every failed
 * statement with its parameters to stdout.
 *
 * A unique violation is logged at debug level only: the callers that expect one (a clientReference
 * sent twice at once, a registration made twice) handle it, and one they do not handle reaches the
 * caller's error path, which logs it there.
 */
export class QueryErrorLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQueryError(error: string | Error, query: string, _parameters?: unknown): void {
    // PostgreSQL's error code (pg's DatabaseError); a message may quote the one value it refused.
    const code = typeof error === 'string' ? undefined : (error as Error & { code?: string }).code;
    const message = typeof error === 'string' ? error : error.message;
    const statement = query.replace(/\s+/g, ' ').trim().slice(0, STATEMENT_SHOWN);
    const line = `statement failed${code ? ` (${code})` : ''}: ${message}; statement: ${statement}…`;
    if (code === '23505') this.logger.debug(line);
    else this.logger.error(line);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }

  // Every statement, slow ones, schema building and migrations are not logged here (migrate.ts
  // says which migrations it applied).
  logQuery(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
}
