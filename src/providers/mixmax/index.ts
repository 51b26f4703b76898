import { str } from '../../model/values';
import { callJson } from '../../http/client';
import type { CampaignOption, Ctx, Provider } from '../types';
import { mixmaxApi } from './api';
import { mixmaxCapabilities } from './capabilities';
import { mixmaxLeads } from './leads';
import { mixmaxWebhook } from './webhook';
import { Sequence } from './payloads';

const PAGE_SIZE = 50;
/** Sequences are cursor-paginated (`next`); a 0-based page follows the cursor page times. */
const listSequences = async (ctx: Ctx, page: number): Promise<CampaignOption[]> => {
  let cursor: string | null = null;
  for (let i = 0; i <= page; i += 1) {
    const params: Record<string, string> = { limit: String(PAGE_SIZE) };
    if (cursor) params.next = cursor;
    const { data } = await callJson<{ results?: unknown[]; next?: unknown; hasNext?: unknown } | null>(ctx, mixmax, {
      method: 'GET',
      path: '/sequences',
      params,
    });
    if (i === page) {
      return (data?.results ?? [])
        .map((r) => Sequence.safeParse(r))
        .filter((r) => r.success)
        .map((r) => ({ id: r.data._id, name: str(r.data.name) ?? r.data._id }));
    }
    cursor = str(data?.next);
    if (!cursor || data?.hasNext === false) return [];
  }
  return [];
};

export const mixmax: Provider = {
  ...mixmaxApi,
  id: 'mixmax',
  capabilities: mixmaxCapabilities,
  // success.mixmax.com article 11643056: 120 requests per minute per user and IP; clients should honour Retry-After.
  rateLimit: { description: '120 requests per minute', retryAfterSeconds: 60 },
  authorize(request, apiKey) {
    request.headers = { ...(request.headers ?? {}), 'X-API-Token': apiKey };
  },
  forbiddenHint: 'Mixmax API access needs a Growth+ or Enterprise plan, and sequences must be owned by or shared with this user.',
  async testAuth(ctx) {
    const { data } = await callJson<{ _id?: unknown; email?: unknown; name?: unknown }>(ctx, mixmax, { method: 'GET', path: '/users/me' });
    return { account: str(data?.email) ?? str(data?.name) ?? str(data?._id) ?? 'Mixmax user' };
  },
  events: {
    webhook: mixmaxWebhook,
  },
  listCampaigns: (ctx, page) => listSequences(ctx, page),
  leads: mixmaxLeads,
};
