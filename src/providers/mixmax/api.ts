import type { ApiTool } from '../../http/client';
import { str } from '../../model/values';

/** Mixmax error bodies: `{message}`, `{error}` or `{errors: [...]}`. */
export const mixmaxErrorMessage = (content: string): string | null => {
  try {
    const body = JSON.parse(content) as Record<string, unknown>;
    return str(body.message) ?? str(body.error) ?? (Array.isArray(body.errors) ? body.errors.map(String).join('; ') : null);
  } catch {
    return null;
  }
};

/** What a Mixmax call needs (the provider and its lead operations share it; neither imports the other). */
export const mixmaxApi: ApiTool = {
  id: 'mixmax',
  label: 'Mixmax',
  defaultBaseUrl: 'https://api.mixmax.com/v1',
  errorMessage: mixmaxErrorMessage,
};
