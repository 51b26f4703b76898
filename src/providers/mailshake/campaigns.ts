import { str } from '../../model/values';
import type { Ctx } from '../types';
import { mailshakeApi, msCall } from './api';
import { Campaign, Paginated } from './payloads';

/** One page of `campaigns/list` (100 per page, paged by token): the dropdown and the campaign scans read it. */
export const listCampaignPage = async (ctx: Ctx, nextToken: string | null): Promise<{ campaigns: Campaign[]; nextToken: string | null }> => {
  const body: Record<string, unknown> = { perPage: 100 };
  if (nextToken) body.nextToken = nextToken;
  const data = await msCall(ctx, mailshakeApi, { method: 'POST', path: '/campaigns/list', body });
  const page = Paginated.safeParse(data ?? {});
  const results = page.success ? (page.data.results ?? []) : [];
  return {
    campaigns: results
      .map((c) => Campaign.safeParse(c))
      .filter((r) => r.success)
      .map((r) => r.data),
    nextToken: page.success ? (str(page.data.nextToken) ?? null) : null,
  };
};
