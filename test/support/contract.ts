import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAPIBackend from 'openapi-backend';

/**
 * Validates a request against a vendor's own OpenAPI spec (../shared/vendor-specs), with an
 * OpenAPI request validator rather than hand-written expectations. Paths are relative to the
 * spec's server base (e.g. `/campaigns/{id}/leads` for lemlist's https://api.lemlist.com/api).
 */
export type VendorSpec = 'lemlist' | 'apollo' | 'calendly' | 'smartlead' | 'salesloft';

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
      adaptDefinition[spec]?.(definition);
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

type Definition = { paths: Record<string, Record<string, Operation>> };
type Operation = { operationId?: string; requestBody?: { content?: Record<string, unknown> } };

/**
 * Salesloft's own v2 spec (vendor-specs README) as published, with the deviations we accept, each
 * checked only as far as it goes:
 * - `.json` suffix: the spec's paths end in `.json` (`/v2/people.json`) except the webhook
 *   subscription routes; developers.salesloft.com documents the same routes without it
 *   (`GET /v2/people`, `POST /v2/cadence_memberships`) and the API serves both. Each `.json` path
 *   also answers under its name without the suffix (same operation, same parameters).
 * - Request bodies: the spec types every body `application/x-www-form-urlencoded`; we send the same
 *   fields as `application/json` (developers.salesloft.com's examples, Rails params parsing both).
 *   The form schema is applied to the JSON body, so a missing required field or a wrong type is still
 *   a violation.
 * - Responses are typed `* / *`: irrelevant here (requests only are validated).
 */
const adaptDefinition: Partial<Record<VendorSpec, (d: Definition) => void>> = {
  salesloft: (d) => {
    for (const [path, item] of Object.entries(d.paths)) {
      for (const operation of Object.values(item)) {
        const content = operation?.requestBody?.content;
        if (content && content['application/x-www-form-urlencoded'] && !content['application/json']) {
          content['application/json'] = content['application/x-www-form-urlencoded'];
        }
      }
      if (path.endsWith('.json') && !d.paths[path.slice(0, -'.json'.length)]) {
        const alias: Record<string, Operation> = {};
        for (const [method, operation] of Object.entries(item)) {
          alias[method] =
            operation && typeof operation === 'object' && 'operationId' in operation
              ? { ...operation, operationId: `${operation.operationId} (no .json)` }
              : operation;
        }
        d.paths[path.slice(0, -'.json'.length)] = alias;
      }
    }
  },
};

/**
 * Query keys as the spec names them. Salesloft: array filters are sent Rails-style with brackets
 * (`email_addresses[]=a`, `cadence_id[]=1`), which Salesloft reads as the spec's `email_addresses`
 * array (style form); and the time filters the spec types as an array but describes as an object
 * with keys gt / gte / lt / lte ("---CUSTOM---" in the `updated_at` description) are sent as
 * `updated_at[gt]=…`. Both are validated under the spec's name (`[]` dropped; `[gt|gte|lt|lte]`
 * only for those four keys, so any other bracketed key is still an unknown parameter).
 */
const adaptQueryKey: Partial<Record<VendorSpec, (key: string) => string>> = {
  salesloft: (key) => key.replace(/\[\]$/, '').replace(/\[(gt|gte|lt|lte)\]$/, ''),
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
  for (const [rawKey, v] of new URLSearchParams(search)) {
    const key = adaptQueryKey[spec]?.(rawKey) ?? rawKey;
    const existing = query[key];
    query[key] = existing === undefined ? v : Array.isArray(existing) ? [...existing, v] : [existing, v];
  }
  const request = { method: req.method.toLowerCase(), path: pathname as string, query, headers: req.headers ?? {}, body: req.body };
  const operation = api.router.matchOperation(request);
  if (!operation) return [`${req.method} ${pathname} is not an operation in the ${spec} spec`];
  const result = api.validator.validateRequest(request, operation);
  return result.valid ? [] : (result.errors ?? []).map((e) => `${e.instancePath || '(request)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
};
