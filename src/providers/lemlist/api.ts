import type { ApiTool } from '../../http/client';
import { str } from '../../model/values';

/**
 * lemlist errors are text/plain ("Campaign not found", "Bad team"): quoted verbatim. A JSON body
 * (seen from some gateways) gives its message / error field.
 */
export const lemlistErrorMessage = (content: string): string | null => {
  const text = content.trim();
  if (text === '') return null;
  if (/^[{[]/.test(text)) {
    try {
      const body = JSON.parse(text) as { message?: unknown; error?: unknown };
      return str(body.message) ?? str(body.error) ?? text.slice(0, 300);
    } catch {
      /* not JSON after all: the text itself */
    }
  }
  return text.slice(0, 300);
};

/** What a lemlist call needs (the provider and its lead operations share it; neither imports the other). */
export const lemlistApi: ApiTool = {
  id: 'lemlist',
  label: 'lemlist',
  defaultBaseUrl: 'https://api.lemlist.com/api',
  errorMessage: lemlistErrorMessage,
};
