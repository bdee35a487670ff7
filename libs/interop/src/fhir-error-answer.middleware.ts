import { Injectable, type NestMiddleware } from '@nestjs/common';
import { HTTP_ERROR_ANSWER, type ShapedRequest } from '@opvangplek/platform';
import { FHIR_CONTENT_TYPE, operationOutcome } from './mapping/fhir';

/**
 * FHIR clients read errors as an OperationOutcome: this sets that shape on the FHIR endpoints'
 * requests before the guard runs, so a missing token (401), a role without access (403) and a bad
 * search parameter (400) all answer as FHIR says (AppErrorFilter writes it).
 */
@Injectable()
export class FhirErrorAnswer implements NestMiddleware {
  use(request: ShapedRequest, _response: unknown, next: () => void): void {
    request[HTTP_ERROR_ANSWER] = (error) => ({
      contentType: `${FHIR_CONTENT_TYPE}; charset=utf-8`,
      body: operationOutcome(error),
    });
    next();
  }
}
