import type { ToolId } from '../model/tools';

/** `SALES_CONNECT_<TOOL>_BASE_URL`, read at request time so tests and the mock can point it elsewhere. */
export const baseUrlEnvVar = (tool: ToolId): string => `SALES_CONNECT_${tool.toUpperCase()}_BASE_URL`;

export const baseUrlFor = (tool: ToolId, defaultBaseUrl: string): string => (process.env[baseUrlEnvVar(tool)] || defaultBaseUrl).replace(/\/+$/, '');

/** True only when `url` goes to the same origin (scheme, host, port) as `base`. */
export const sameOrigin = (url: string, base: string): boolean => {
  try {
    return new URL(url).origin === new URL(base).origin;
  } catch {
    return false;
  }
};
