import { z as zod } from 'zod';
import type { ZObject } from 'zapier-platform-core';
import type { TriggerInput } from '../providers/types';
import { readInput } from './validate';

import { DEFAULT_INTERESTED, DEFAULT_MEETING } from './categoryDefaults';

/** Zapier sends a list field as an array, a comma-separated string, or nothing. */
const categoryList = (fallback: string[]) =>
  zod
    .union([zod.array(zod.string()), zod.string(), zod.null()])
    .optional()
    .transform((v) => {
      const items = (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : []).map((s) => s.trim()).filter(Boolean);
      return items.length ? items : fallback;
    });

const TriggerInputSchema = zod.object({
  campaign_id: zod
    .union([zod.string(), zod.number(), zod.null()])
    .optional()
    .transform((v) => (v === null || v === undefined || String(v).trim() === '' ? null : String(v).trim())),
  interested_categories: categoryList(DEFAULT_INTERESTED),
  meeting_categories: categoryList(DEFAULT_MEETING),
});

/** Validated trigger inputs; a wrong type is an error naming the field, before any HTTP call. */
export const readTriggerInput = (z: ZObject, inputData: unknown): TriggerInput => readInput(z, TriggerInputSchema, inputData);
