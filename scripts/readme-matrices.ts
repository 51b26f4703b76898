/**
 * The README's tool matrices, rendered from the capability tables (src/providers/<tool>/capabilities.ts).
 * `npm run generate` rewrites the blocks between the `<!-- capabilities:NAME -->` markers;
 * test/readme.test.ts fails when the README differs from what this renders.
 */
import { EVENT_LABELS, EVENT_TYPES, TOOL_IDS, TOOL_LABELS, type ToolId } from '../src/model/tools';
import type { Capabilities, Signal } from '../src/providers/capabilities';
import { CAPABILITIES } from '../src/providers/capabilityTable';

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: string[][]) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
/** A table cell holds no pipe and no line break. */
const cell = (text: string) => text.replace(/\|/g, '/').replace(/\s+/g, ' ').trim();

const triggerCell = (caps: Capabilities, event: (typeof EVENT_TYPES)[number]): string => {
  const cap = caps.events[event];
  const parts: string[] = [];
  if (cap.instant) parts.push(`instant: ${cap.instant}`);
  if (cap.polling) parts.push(`polling: ${cap.polling}${cap.pollingNeedsCampaign ? ' (one campaign)' : ''}`);
  if (cap.byHand) parts.push(`by hand: ${cap.byHand}`);
  return cell(parts.length ? parts.join('; ') : '—');
};

const triggers = (): string =>
  table(
    ['tool', ...EVENT_TYPES.map((e) => EVENT_LABELS[e]), `${'Campaign'} filter`],
    TOOL_IDS.map((tool) => {
      const caps = CAPABILITIES[tool];
      return [
        TOOL_LABELS[tool],
        ...EVENT_TYPES.map((e) => triggerCell(caps, e)),
        caps.triggerCampaign === 'absent' ? '—' : `${caps.campaignNoun}, ${caps.triggerCampaign}`,
      ];
    }),
  );

const needs = (fields: string[], extra: string[] = []) => {
  const all = [...extra, ...fields.map((f) => `${f.replace('_', ' ')} required`)];
  return all.length ? ` (${all.join('; ')})` : '';
};

const actions = (): string =>
  table(
    ['tool', 'Find Lead', 'Create or Update Lead', 'Update Lead', 'Enroll Lead in Campaign', 'Stop Sequence modes (default first)', 'Resume Sequence'],
    TOOL_IDS.map((tool) => {
      const a = CAPABILITIES[tool].actions;
      const noun = CAPABILITIES[tool].campaignNoun.toLowerCase();
      if (typeof a === 'string') return [TOOL_LABELS[tool], cell(`— ${a}`), '—', '—', '—', '—', '—'];
      const create =
        a.create.campaign === 'required'
          ? `adds to the ${noun}${needs(a.create.requiredFields, [`${noun} required`])}`
          : `yes${needs(a.create.requiredFields)}`;
      const update = 'unsupported' in a.update ? cell(`no: ${a.update.unsupported}`) : `yes${a.update.campaign === 'absent' ? '' : ` (in its ${noun})`}`;
      const enroll = `yes${needs(a.enroll.requiredFields, a.enroll.mailbox === 'required' ? ['Sending Mailbox required'] : [])}`;
      const stop = `${a.stop.modes.join(', ')}${a.stop.campaign === 'required' ? ` (${noun} required)` : ''}`;
      const resume = 'unsupported' in a.resume ? cell(`no: ${a.resume.unsupported}`) : `yes${a.resume.campaign === 'required' ? ` (${noun} required)` : ''}`;
      return [TOOL_LABELS[tool], 'yes', create, update, enroll, stop, resume];
    }),
  );

const signal = (s: Signal) =>
  s.kind === 'none'
    ? '—'
    : s.kind === 'event'
      ? s.describe
      : `categories (${s.list === 'api' ? 'dropdown of the tool’s list' : 'typed'}, default \`${s.default}\`): ${s.describe}`;

const words = (): string =>
  table(
    ['tool', 'campaign is called', 'credential (where)', 'lead page', 'interested means', 'meeting booked means'],
    TOOL_IDS.map((tool: ToolId) => {
      const c = CAPABILITIES[tool];
      return [
        TOOL_LABELS[tool],
        // A tool with neither campaign filters nor sequences has no word for one.
        c.triggerCampaign === 'absent' && typeof c.actions === 'string' ? '—' : c.campaignNoun,
        `[${c.credential.name}](${c.credential.url})`,
        c.leadUrl ? `\`${c.leadUrl}\`` : '—',
        cell(signal(c.interest)),
        cell(signal(c.meetings)),
      ];
    }),
  );

export const MATRICES: Record<string, () => string> = { triggers, actions, words };

/** The README with every capabilities block rendered afresh. */
export const renderReadme = (readme: string): string =>
  readme.replace(/(<!-- capabilities:(\w+) -->)[\s\S]*?(<!-- \/capabilities:\2 -->)/g, (all, open: string, name: string, close: string) => {
    const render = MATRICES[name];
    return render ? `${open}\n${render()}\n${close}` : all;
  });
