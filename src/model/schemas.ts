import { z } from 'zod';
import { EVENT_TYPES, TOOL_IDS } from './tools';

/** The zod enums of ./tools, for the schemas that validate what we receive and emit. */
export const ToolId = z.enum(TOOL_IDS);
export const EventType = z.enum(EVENT_TYPES);
