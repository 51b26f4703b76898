import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAPIBackend from 'openapi-backend';

/**
 * Validates a request against a vendor's own OpenAPI spec (../shared/vendor-specs), with an
 * OpenAPI request validator rather than hand-written expectations. Paths are relative to the
 * spec's server base (e.g. `/campaigns/{id}/leads` for lemlist's https://api.lemlist.com/api).
 */
export type VendorSpec = 'lemlist' | 'apollo' | 'calendly' | 'smartlead';

const specDir = (): string => {
  for (const candidate of [join(__dirname, '../../../shared/vendor-specs'), join(__dirname, '../../shared/vendor-specs')]) {
    try {
      readFileSync(join(candidate, 'README.md'));
      return candidate;
    } catch {
      /* try the next */
    }
  }
  throw new Error('vendor specs not found next to the repository (../shared/vendor-specs)');
};

const backends = new Map<VendorSpec, Promise<OpenAPIBackend>>();

const backendFor = (spec: VendorSpec): Promise<OpenAPIBackend> => {
  let backend = backends.get(spec);
  if (!backend) {
    backend = (async () => {
      const definition = JSON.parse(readFileSync(join(specDir(), `${spec}.openapi.json`), 'utf8'));
      // The validator indexes operations by operationId; some vendor operations have none.
      for (const [path, item] of Object.entries(definition.paths as Record<string, Record<string, { operationId?: string }>>)) {
        for (const [method, operation] of Object.entries(item)) {
          if (operation && typeof operation === 'object' && ['get', 'post', 'put', 'patch', 'delete'].includes(method) && !operation.operationId) {
            operation.operationId = `${method} ${path}`;
          }
        }
      }
      // ignoreTrailingSlashes: false — lemlist documents `POST /campaigns/{campaignId}/leads/` with the slash.
      const api = new OpenAPIBackend({
        definition,
        quick: true,
        validate: true,
        strict: false,
        ignoreTrailingSlashes: false,
        ajvOpts: { strict: false, validateFormats: false },
      });
      await api.init();
      return api;
    })();
    backends.set(spec, backend);
  }
  return backend;
};

export interface RecordedRequest {
  method: string;
  /** Path relative to the vendor's API base, with the query string if any. */
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Returns the spec violations of one request ([] when valid, or when the operation is unknown → one violation). */
export const specViolations = async (spec: VendorSpec, req: RecordedRequest): Promise<string[]> => {
  const api = await backendFor(spec);
  const [pathname, search = ''] = req.path.split('?');
  const query: Record<string, string | string[]> = {};
  // Parameter names as sent: Apollo's spec names array parameters with their brackets (`contact_ids[]`).
  for (const [key, v] of new URLSearchParams(search)) {
    const existing = query[key];
    query[key] = existing === undefined ? v : Array.isArray(existing) ? [...existing, v] : [existing, v];
  }
  const request = { method: req.method.toLowerCase(), path: pathname as string, query, headers: req.headers ?? {}, body: req.body };
  const operation = api.router.matchOperation(request);
  if (!operation) return [`${req.method} ${pathname} is not an operation in the ${spec} spec`];
  const result = api.validator.validateRequest(request, operation);
  return result.valid ? [] : (result.errors ?? []).map((e) => `${e.instancePath || '(request)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
};
