import type { ApiTool } from '../../http/client';
import { str } from '../../model/values';

/**
 * v3 errors are application/problem+json (`title`, `detail`, `code` slug such as
 * `sequence.notFound`); legacy v1 answers `{message}` / `{error}` or plain text.
 */
export const replyioErrorMessage = (content: string): string | null => {
  try {
    const body = JSON.parse(content) as Record<string, unknown>;
    const problem = [str(body.title), str(body.detail)].filter(Boolean).join(': ');
    const code = str(body.code);
    const text = problem || str(body.message) || str(body.error) || str(body.Message) || null;
    if (text) return code && !text.includes(code) ? `${text} (${code})` : text;
    return code;
  } catch {
    return null;
  }
};

/** What a Reply.io call needs (the provider and its lead operations share it; neither imports the other). */
export const replyioApi: ApiTool = {
  id: 'replyio',
  label: 'Reply.io',
  defaultBaseUrl: 'https://api.reply.io',
  errorMessage: replyioErrorMessage,
};

/** Reply.io's v1 bodies take numeric ids: an id that is a number is sent as one. */
export const numericId = (id: string | number): string | number => (Number.isNaN(Number(id)) ? id : Number(id));
