import type { Capabilities } from '../providers/capabilities';
import { EVENT_LABELS, TOOL_LABELS, type EventType, type ToolId } from '../model/tools';

/**
 * What the capability table says about one tool × trigger, in the words every surface uses:
 * subscribe, the editor's test step (performList), the polling twin and the README matrix.
 * null = available.
 */
export const instantRefusal = (tool: ToolId, caps: Capabilities, event: EventType): string | null => {
  const cap = caps.events[event];
  if (cap.instant) return null;
  const alternative = cap.polling ? ` Use the "${EVENT_LABELS[event]} (Polling)" trigger instead.` : '';
  return `${EVENT_LABELS[event]} is not available instantly for ${TOOL_LABELS[tool]}: ${cap.why ?? `${TOOL_LABELS[tool]} has no webhook for it.`}${alternative}`;
};

export const pollingRefusal = (tool: ToolId, caps: Capabilities, event: EventType): string | null => {
  const cap = caps.events[event];
  if (cap.polling) return null;
  const why = cap.instant
    ? `${TOOL_LABELS[tool]} has no API to list recent ${EVENT_LABELS[event]} events; use the instant "${EVENT_LABELS[event]}" trigger`
    : (cap.why ?? `${TOOL_LABELS[tool]} cannot deliver it`);
  return `${EVENT_LABELS[event]} (Polling) is not available for ${TOOL_LABELS[tool]}: ${why}`;
};

/** Why a tool has no lead actions at all, as the steps say it; null when it has them. */
export const actionsRefusal = (tool: ToolId, caps: Capabilities, what: string): string | null =>
  typeof caps.actions === 'string'
    ? `${TOOL_LABELS[tool]} has no leads or sequences to ${what} (${caps.actions.replace(/\.$/, '')}). Use this step with the connection of the tool that runs your sequences.`
    : null;
