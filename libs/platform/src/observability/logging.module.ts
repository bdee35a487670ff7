import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { currentCorrelationId, runWithCorrelationId } from './correlation';
import { type IdentifiedRequest, REQUEST_ID_HEADER, requestIdOf } from './request-id';

/** Which kind of process writes a line: the API (with its jobs, in zero-config mode) or a worker. */
export type ProcessName = 'api' | 'worker';

/** Probes and scrapes: answered every few seconds, so logging each would drown the lines that matter. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/** An HTTP request as the middleware sees it: pino-http sets `id` once it has run. */
function pathOf(url: string | undefined): string {
  // The query string is dropped: a GET operation's variables would otherwise land in the log.
  return (url ?? '').split('?')[0];
}

/**
 * Structured JSON logs (pino through nestjs-pino) for every process: one line per HTTP request with
 * its request id, method, path, status and duration, and Nest's own lines in the same format.
 * Nothing of a body or a header other than the request id is logged: a body can carry a profile,
 * a header a token. Every line written while serving a request or running a job carries its
 * `correlationId` (see correlation.ts), so one grep finds a request's API and worker lines.
 */
@Module({})
export class LoggingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply((request: IdentifiedRequest, _response: ServerResponse, next: () => void) =>
        runWithCorrelationId(requestIdOf(request), next),
      )
      .forRoutes('{*path}');
  }

  static forRoot(config: AppConfig, processName: ProcessName): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.observability.logLevel,
            base: { process: processName, pid: process.pid },
            mixin: () => {
              const correlationId = currentCorrelationId();
              return correlationId === undefined ? {} : { correlationId };
            },
            genReqId: (request: IdentifiedRequest, response: ServerResponse) => {
              const id = requestIdOf(request);
              response.setHeader(REQUEST_ID_HEADER, id);
              return id;
            },
            autoLogging: { ignore: (request: IncomingMessage) => QUIET_PATHS.has(pathOf(request.url)) },
            serializers: {
              req: (request: { id: string; method: string; url: string }) => ({
                id: request.id,
                method: request.method,
                // At most 200 characters: a scanner's 15,000-character path is not worth a 15 KB line.
                path: pathOf(request.url).slice(0, 200),
              }),
              res: (response: { statusCode: number }) => ({ status: response.statusCode }),
            },
          },
        }),
      ],
    };
  }
}
