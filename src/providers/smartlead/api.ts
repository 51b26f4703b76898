import type { ApiTool } from '../../http/client';
import { str } from '../../model/values';

/**
 * Smartlead's words for an error. A 429 answers `{error: {code: "RATE_LIMIT_EXCEEDED", message,
 * retry_after}}` (api.smartlead.ai guides/rate-limits); other errors `{error: "…"}` or `{message: "…"}`.
 */
export const smartleadErrorMessage = (content: string): string | null => {
  try {
    const body = JSON.parse(content) as { error?: unknown; message?: unknown };
    if (body.error && typeof body.error === 'object') {
      const nested = body.error as { message?: unknown; code?: unknown };
      return str(nested.message)?.replace(/\.\s*$/, '') ?? str(nested.code);
    }
    return str(body.error) ?? str(body.message);
  } catch {
    return null;
  }
};

/** What a Smartlead call needs (the provider and its lead operations share it; neither imports the other). */
export const smartleadApi: ApiTool = {
  id: 'smartlead',
  label: 'Smartlead',
  defaultBaseUrl: 'https://server.smartlead.ai/api/v1',
  errorMessage: smartleadErrorMessage,
};
