import Ajv from 'ajv';
import addFormats from 'ajv-formats';

interface ResponseObject {
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: unknown }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>;
}

/**
 * Headers a browser's fetch cannot read or that only some replies carry (downloads; the verification
 * headers of a published version's flat files, checked by tests/transparency); the rest must be there.
 */
const UNREADABLE_OR_CONDITIONAL = new Set(['set-cookie', 'content-disposition', 'link', 'pdca-verification']);

const pointer = (...segments: string[]) =>
  segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

/**
 * Checks a reply against the document alone, as an integrator's tooling would: the operation and
 * status are documented, the media type is one the status declares, the declared headers are
 * there, and a JSON body satisfies the declared schema (Ajv, the document's own schemas).
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
    for (const name of Object.keys(declared.headers ?? {})) {
      if (!UNREADABLE_OR_CONDITIONAL.has(name.toLowerCase()) && !response.headers.has(name))
        this.problem(where, `header ${name} missing`);
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
