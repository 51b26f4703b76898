import type { ApiTool } from '../../http/client';
import { str } from '../../model/values';

/** Apollo's answers: JSON `{error}` / `{message}`, or text/plain (401 "Invalid API key…") verbatim. */
export const apolloErrorMessage = (content: string): string | null => {
  const text = content.trim();
  if (!text) return null;
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    return str(body.error) ?? str(body.message);
  } catch {
    return text.slice(0, 300);
  }
};

/** What an Apollo call needs (the provider and its lead operations share it; neither imports the other). */
export const apolloApi: ApiTool = {
  id: 'apollo',
  label: 'Apollo',
  defaultBaseUrl: 'https://api.apollo.io/api/v1',
  errorMessage: apolloErrorMessage,
};
