import { errors } from 'zapier-platform-core';

/**
 * No webhook payload any tool documents is nested more than a dozen levels. Past this we refuse
 * the delivery before anything walks it: recursive code (secret scrubbing, schema checks, core's
 * own serialisation of our output) would overflow the stack on a few thousand levels.
 */
export const MAX_JSON_DEPTH = 64;

const tooDeepError = (limit: number): Error =>
  new errors.Error(
    `Sales Connect refused this webhook delivery: its JSON is nested more than ${limit} levels deep, which no tool sends. ` + 'It was not processed.',
    'PayloadTooDeep',
    400,
  );

/**
 * True when JSON text nests arrays / objects more than `limit` levels. One linear pass over the
 * characters (string contents skipped), so it runs before JSON.parse builds anything.
 */
export const jsonTextTooDeep = (text: string, limit = MAX_JSON_DEPTH): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth -= 1;
    }
  }
  return false;
};

/** True when a parsed value nests more than `limit` levels. Iterative: no recursion to overflow. */
export const valueTooDeep = (value: unknown, limit = MAX_JSON_DEPTH): boolean => {
  const stack: [unknown, number][] = [[value, 0]];
  const seen = new Set<object>();
  while (stack.length) {
    const [v, d] = stack.pop() as [unknown, number];
    if (!v || typeof v !== 'object' || seen.has(v)) continue;
    if (d + 1 > limit) return true;
    seen.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v as object)) {
      if (child && typeof child === 'object') stack.push([child, d + 1]);
    }
  }
  return false;
};

/** Throws the "nested too deep" error (a typed Zapier error) when `text` is; else returns it. */
export const refuseDeepText = (text: string, limit = MAX_JSON_DEPTH): string => {
  if (jsonTextTooDeep(text, limit)) throw tooDeepError(limit);
  return text;
};

/** Throws the "nested too deep" error when `value` is; else returns it. */
export const refuseDeepValue = <T>(value: T, limit = MAX_JSON_DEPTH): T => {
  if (valueTooDeep(value, limit)) throw tooDeepError(limit);
  return value;
};
