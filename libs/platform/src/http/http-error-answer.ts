/**
 * How a plain HTTP endpoint answers a typed error. By default `{ "error": { code, message, field } }`
 * as JSON; an endpoint that speaks another standard (FHIR answers errors as an OperationOutcome)
 * says its own shape by setting `request[HTTP_ERROR_ANSWER]` in a middleware, which runs before the
 * guard, so a refused token is answered in that shape too.
 */
export interface HttpError {
  code: string;
  message: string;
  field: string | null;
}

export interface HttpErrorAnswer {
  contentType: string;
  body: unknown;
}

export type HttpErrorShape = (error: HttpError) => HttpErrorAnswer;

export const HTTP_ERROR_ANSWER = Symbol.for('opvangplek.httpErrorAnswer');

export type ShapedRequest = { [HTTP_ERROR_ANSWER]?: HttpErrorShape };

/** The answer to `error` on this request: its endpoint's own shape, else the default JSON. */
export function httpErrorAnswer(request: ShapedRequest, error: HttpError): HttpErrorAnswer {
  const shape = request[HTTP_ERROR_ANSWER];
  return shape ? shape(error) : { contentType: 'application/json; charset=utf-8', body: { error } };
}
