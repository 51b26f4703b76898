import type { ApiTool } from '../../http/client';
import { str } from '../../model/values';

/** Salesloft errors: `{error}` (403/404), `{errors: {field: [messages]}}` (422), or `{message}`. */
export const salesloftErrorMessage = (content: string): string | null => {
  const text = content.trim();
  if (!text) return null;
  try {
    const body = JSON.parse(text) as { error?: unknown; errors?: unknown; message?: unknown };
    if (str(body.error)) return str(body.error);
    if (body.errors && typeof body.errors === 'object') {
      const parts = Object.entries(body.errors as Record<string, unknown>).map(([field, msgs]) =>
        `${field} ${Array.isArray(msgs) ? msgs.join(', ') : String(msgs)}`.trim(),
      );
      if (parts.length) return parts.join('; ');
    }
    return str(body.message);
  } catch {
    return text.slice(0, 300);
  }
};

/** What a Salesloft call needs (the provider and its lead operations share it; neither imports the other). */
export const salesloftApi: ApiTool = {
  id: 'salesloft',
  label: 'Salesloft',
  defaultBaseUrl: 'https://api.salesloft.com',
  errorMessage: salesloftErrorMessage,
};

/** Salesloft answers lists as `{data: [...]}` and single objects as `{data: {...}}`. */
export const dataOf = (body: unknown): unknown => (body && typeof body === 'object' && 'data' in body ? (body as { data: unknown }).data : body);
