import { EVENT_LABELS, EVENT_TYPES, toolIdOf, type EventType } from '../../model/tools';
import { CAPABILITIES } from '../../providers/capabilityTable';
import { KNOWN_TOOLS, NATIVE_INTEGRATIONS, NO_PUBLIC_API, type NativeIntegration } from './native';

export interface Advice {
  source: { id: string; label: string };
  destination: { id: string; label: string };
  /** The native integration between the two, in either direction, or null. */
  native: (NativeIntegration & { reversed: boolean }) | null;
  /** Tools of the pair that no integration can reach, with what to do instead. */
  noPublicApi: { tool: string; text: string }[];
  /** What the native integration does not do, as far as its description goes. */
  doesNot: string[];
  /** Sales Connect steps that fill the gap (empty when neither tool is one Sales Connect connects to). */
  salesConnect: { triggers: string[]; actions: string[]; how: string[] };
  /** The answer in one sentence. */
  verdict: string;
}

/** `Reply.io`, `reply`, `REPLYIO` → `replyio`; null for a name advise does not know. */
export const resolveTool = (name: string): string | null => {
  const key = name.trim().toLowerCase().replace(/\s+/g, '-');
  if (KNOWN_TOOLS[key]) return key;
  const hit = Object.entries(KNOWN_TOOLS).find(([, t]) => t.aliases.includes(key));
  return hit ? hit[0] : null;
};

/** What Sales Connect can trigger on for a tool it connects to: `Reply Received (instant)`. */
const triggersOf = (tool: string): string[] => {
  const id = toolIdOf(tool);
  if (!id) return [];
  return EVENT_TYPES.flatMap((event: EventType) => {
    const cap = CAPABILITIES[id].events[event];
    const modes = [cap.instant ? 'instant' : null, cap.polling ? 'polling' : null].filter(Boolean);
    return modes.length ? [`${EVENT_LABELS[event]} (${modes.join(' or ')})`] : [];
  });
};

/** What Sales Connect can do in a tool it connects to. */
const actionsOf = (tool: string): string[] => {
  const id = toolIdOf(tool);
  const actions = id ? CAPABILITIES[id].actions : null;
  if (!actions || typeof actions === 'string') return [];
  return [
    'Find Lead',
    'Create or Update Lead',
    ...('unsupported' in actions.update ? [] : ['Update Lead']),
    'Enroll Lead in Campaign',
    `Stop Sequence for Lead (${actions.stop.modes.join(', ')})`,
    ...('unsupported' in actions.resume ? [] : ['Resume Sequence for Lead']),
  ];
};

const findNative = (a: string, b: string): Advice['native'] => {
  const direct = NATIVE_INTEGRATIONS.find((n) => n.source === a && n.destination === b);
  if (direct) return { ...direct, reversed: false };
  const reverse = NATIVE_INTEGRATIONS.find((n) => n.source === b && n.destination === a);
  return reverse ? { ...reverse, reversed: true } : null;
};

const label = (id: string) => KNOWN_TOOLS[id]?.label ?? id;

const gaps = (native: NonNullable<Advice['native']>, source: string, destination: string): string[] => {
  const from = label(native.source);
  const to = label(native.destination);
  const out: string[] = [];
  if (native.reversed) out.push(`it runs ${from} → ${to}; for ${label(source)} → ${label(destination)} its description lists nothing`);
  else if (!native.twoWay) {
    const example = KNOWN_TOOLS[native.destination]?.kind === 'crm' ? ` (e.g. a ${to} contact is not enrolled in a ${from} campaign)` : '';
    out.push(`it is not listed as two-way: ${to} → ${from}${example} needs a Zap`);
  }
  if (native.kind === 'third-party') out.push(`it is not built by either vendor: it runs through ${native.via}`);
  if (native.plan) out.push(`it needs ${from}'s ${native.plan} plan`);
  out.push(
    `it connects these two tools only: no reaction elsewhere (stop the sequence when a meeting is booked in another tool, alert a channel, one Zap that keeps working when you switch outreach tools)`,
  );
  return out;
};

/** The native-first answer for a pair; both names must be known (see resolveTool). */
export const advise = (source: string, destination: string): Advice => {
  const native = findNative(source, destination);
  const noPublicApi = [source, destination].filter((t) => NO_PUBLIC_API[t]).map((tool) => ({ tool, text: NO_PUBLIC_API[tool] as string }));
  const triggers = noPublicApi.length ? [] : triggersOf(source);
  const actions = noPublicApi.length ? [] : actionsOf(destination);
  const how: string[] = [];
  if (triggers.length) {
    how.push(
      `Sales Connect triggers with the ${label(source)} connection, followed by ${actions.length ? `Sales Connect actions with the ${label(destination)} connection` : `${label(destination)}'s own Zapier app`}.`,
    );
  } else if (!noPublicApi.length && toolIdOf(source)) {
    how.push(
      `${label(source)} cannot register webhooks through its API: send its deliveries to a Webhooks by Zapier catch hook and add Sales Connect's Normalize Webhook step (README: the tool's trigger notes).`,
    );
  } else if (actions.length) {
    how.push(`A trigger from ${label(source)}'s own Zapier app, then Sales Connect actions with the ${label(destination)} connection.`);
  }
  const doesNot = native ? gaps(native, source, destination) : [];
  let verdict: string;
  if (noPublicApi.length && !native) verdict = `No integration can reach ${noPublicApi.map((n) => label(n.tool)).join(' or ')}: no public API.`;
  else if (native && !native.reversed && native.kind === 'native')
    verdict = `Use the native integration first (${native.does}); add Sales Connect only for what it does not do.`;
  else if (native && !native.reversed) {
    verdict = `No native integration; ${native.via} (third party) offers ${native.does}. Weigh it against Sales Connect steps for what you need.`;
  } else if (native)
    verdict = `The native integration runs the other way (${label(native.source)} → ${label(native.destination)}); for ${label(source)} → ${label(destination)} use Sales Connect.`;
  else if (triggers.length || actions.length)
    verdict = `No native integration between ${label(source)} and ${label(destination)} is known: build it with Sales Connect.`;
  else verdict = `No native integration between ${label(source)} and ${label(destination)} is known, and Sales Connect connects to neither.`;
  return {
    source: { id: source, label: label(source) },
    destination: { id: destination, label: label(destination) },
    native,
    noPublicApi,
    doesNot,
    salesConnect: { triggers, actions, how },
    verdict,
  };
};

/** The advice as the lines `sales-connect advise` prints. */
export const adviceText = (a: Advice): string[] => {
  const lines = [`${a.source.label} → ${a.destination.label}: ${a.verdict}`];
  if (a.native) {
    const n = a.native;
    const traits = [n.twoWay ? 'two-way' : undefined, n.kind === 'third-party' ? `via ${n.via}` : n.via, n.plan ? `${n.plan} plan` : undefined].filter(Boolean);
    const kind = n.kind === 'native' ? 'native' : 'third-party';
    lines.push(`  ${kind}: ${label(n.source)} → ${label(n.destination)}${traits.length ? ` (${traits.join(', ')})` : ''}: ${n.does}`);
  } else {
    lines.push('  native: none known');
  }
  for (const n of a.noPublicApi) lines.push(`  no public API: ${n.text}`);
  for (const g of a.doesNot) lines.push(`  does not: ${g}`);
  if (a.salesConnect.triggers.length) lines.push(`  Sales Connect triggers (${a.source.label}): ${a.salesConnect.triggers.join(', ')}`);
  if (a.salesConnect.actions.length) lines.push(`  Sales Connect actions (${a.destination.label}): ${a.salesConnect.actions.join(', ')}`);
  for (const h of a.salesConnect.how) lines.push(`  how: ${h}`);
  return lines;
};
