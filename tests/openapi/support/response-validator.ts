import Ajv from 'ajv';
import addFormats from 'ajv-formats';

interface ResponseObject {
  headers?: Record<string, { required?: boolean; schema?: unknown }>;
  content?: Record<string, { schema?: unknown }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>;
}

const pointer = (...segments: string[]) =>
  segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

/**
 * Checks a reply against the document alone, as an integrator's tooling would: the operation and
 * status are documented, the media type is one the status declares, every header the status declares
 * `required` is there and every declared header that is there satisfies its schema, and a JSON body
 * satisfies the declared schema (Ajv, the document's own schemas).
 */
export class ResponseValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  readonly checked: string[] = [];
  readonly problems: string[] = [];

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema(document, 'openapi');
  }

  async check(method: string, schemaPath: string, response: Response): Promise<void> {
    const where = `${method.toUpperCase()} ${schemaPath} → ${response.status}`;
    const declared = this.document.paths[schemaPath]?.[method.toLowerCase()]?.responses[String(response.status)];
    if (!declared) return this.problem(where, 'status not documented');
    for (const [name, header] of Object.entries(declared.headers ?? {})) {
      const value = response.headers.get(name);
      if (value === null) {
        if (header.required === true) this.problem(where, `header ${name} missing`);
        continue;
      }
      if (header.schema === undefined) continue;
      const at = ['paths', schemaPath, method.toLowerCase(), 'responses', String(response.status), 'headers', name];
      const validate = this.ajv.compile({ $ref: `openapi#/${pointer(...at, 'schema')}` });
      if (!validate(value)) this.problem(where, `header ${name}: ${this.ajv.errorsText(validate.errors)}`);
    }
    const media = (response.headers.get('content-type') ?? '').split(';')[0].trim();
    if (response.status === 204 || !declared.content) {
      if (declared.content) this.problem(where, 'documented a body, got none');
      this.checked.push(where);
      return;
    }
    if (!declared.content[media])
      return this.problem(
        where,
        `media type ${media || '(none)'} not documented (${Object.keys(declared.content).join(', ')})`,
      );
    if (/json$/.test(media) && media !== 'application/feed+json') {
      const ref = `openapi#/${pointer('paths', schemaPath, method.toLowerCase(), 'responses', String(response.status), 'content', media, 'schema')}`;
      const validate = this.ajv.compile({ $ref: ref });
      const body: unknown = await response.clone().json();
      if (!validate(body)) this.problem(where, this.ajv.errorsText(validate.errors, { separator: '; ' }));
    }
    this.checked.push(`${where} ${media}`);
  }

  private problem(where: string, what: string): void {
    this.problems.push(`${where}: ${what}`);
  }
}
