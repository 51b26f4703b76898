import type { Bundle } from 'zapier-platform-core';
import { TOOL_LABELS, type EventType, type ToolId } from '../model/tools';
import type { Capabilities, LeadFieldKey, Requirement, Signal } from '../providers/capabilities';
import { CAMPAIGN_NOUN_PLURAL } from '../providers/capabilities';
import { actionsRefusal, instantRefusal, pollingRefusal } from './availability';
import { connectedCapabilities } from './connection';
import { DEFAULT_INTERESTED, DEFAULT_MEETING } from './categoryDefaults';

/**
 * The Zap editor's forms as functions of the connection (Zapier calls function entries of
 * `inputFields` with the bundle when it draws a form). Every choice comes from the connected
 * tool's capability table: a field is present only where the tool uses it, required where the
 * tool requires it, and worded in the tool's own terms. Before a connection is chosen the
 * generic form is drawn.
 */

type Field = Record<string, unknown> & { key: string };
type Connected = { tool: ToolId; caps: Capabilities } | null;
type FieldsOf = (c: Connected) => Field[];

/** A field list that depends on the connection, in the shape Zapier's `inputFields` takes. */
export const formFor = (fields: FieldsOf) => [(_z: unknown, bundle: Bundle) => fields(connectedCapabilities(bundle))];

/** A read-only note in the form (Zapier's `copy` field): why this step will not work with this tool. */
const notice = (key: string, text: string): Field => ({ key, type: 'copy', helpText: text });

const nounOf = (c: Connected) => c?.caps.campaignNoun ?? 'Campaign';
const nounLower = (c: Connected) => nounOf(c).toLowerCase();
const toolOf = (c: Connected) => (c ? TOOL_LABELS[c.tool] : 'the tool');

export const campaignField = (c: Connected, requirement: Exclude<Requirement, 'absent'>, helpText: string): Field => ({
  key: 'campaign_id',
  label: nounOf(c),
  type: 'string',
  required: requirement === 'required',
  dynamic: 'campaign_list.id.name',
  helpText,
});

export const emailField: Field = {
  key: 'email',
  label: 'Email',
  type: 'string',
  required: true,
  helpText: 'The lead’s email address (matched case-insensitively).',
};

const DETAIL_FIELDS: { key: LeadFieldKey; label: string; helpText?: string }[] = [
  { key: 'first_name', label: 'First Name' },
  { key: 'last_name', label: 'Last Name' },
  { key: 'company', label: 'Company' },
  { key: 'title', label: 'Job Title' },
  { key: 'phone', label: 'Phone' },
  { key: 'linkedin_url', label: 'LinkedIn URL', helpText: 'The full profile URL, e.g. `https://www.linkedin.com/in/jane`.' },
];

/** The lead's details; those the tool's API requires are required, with the reason. */
export const leadDetailFields = (c: Connected, required: LeadFieldKey[]): Field[] => [
  ...DETAIL_FIELDS.map((f) => ({
    key: f.key,
    label: f.label,
    type: 'string',
    required: required.includes(f.key),
    ...(required.includes(f.key) ? { helpText: `${toolOf(c)} requires the lead’s ${f.label.toLowerCase()}.` } : f.helpText ? { helpText: f.helpText } : {}),
  })),
  {
    key: 'custom_fields',
    label: 'Custom Fields',
    dict: true,
    required: false,
    helpText: 'Extra variables for your templates, as name → value (sent as the tool’s custom fields / variables).',
  },
];

/** An optional static dropdown; the first choice is the default. */
export const choiceField = (key: string, label: string, helpText: string, choices: [value: string, label: string][]): Field => ({
  key,
  label,
  type: 'string',
  required: false,
  default: choices[0]?.[0],
  choices: choices.map(([value, text]) => ({ value, label: text, sample: value })),
  helpText,
});

// ---- triggers ---------------------------------------------------------------------------

const categoryField = (key: string, label: string, signal: Extract<Signal, { kind: 'categories' }> | null, fallback: string, help: string): Field => ({
  key,
  label,
  type: 'string',
  list: true,
  required: false,
  default: signal?.default ?? fallback,
  ...(signal?.list === 'api' ? { dynamic: 'category_list.id.name' } : {}),
  helpText: help,
});

const interestedField = (c: Connected): Field | null => {
  const signal = c ? c.caps.interest : null;
  if (signal && signal.kind !== 'categories') return null;
  return categoryField(
    'interested_categories',
    'Interested Categories',
    signal,
    DEFAULT_INTERESTED[0] as string,
    signal
      ? `The ${toolOf(c)} categories that count as interested: ${signal.describe}. Default: \`${signal.default}\`.`
      : 'For tools that mark interest with a category (Smartlead lead categories, Reply.io reply categories): the names that count as interested. Default: `Interested`.',
  );
};

const meetingField = (c: Connected): Field | null => {
  const signal = c ? c.caps.meetings : null;
  if (signal && signal.kind !== 'categories') return null;
  return categoryField(
    'meeting_categories',
    'Meeting Categories',
    signal,
    DEFAULT_MEETING[0] as string,
    signal
      ? `The ${toolOf(c)} categories that mean a meeting was booked: ${signal.describe}. Default: \`${signal.default}\`.`
      : 'For tools that record meetings as a lead category (Smartlead): the category names that mean a meeting was booked. Default: `Meeting Booked`.',
  );
};

const triggerCampaignField = (c: Connected, event: EventType, polling: boolean): Field | null => {
  if (!c) {
    return campaignField(
      null,
      'optional',
      'Only events from this campaign / sequence / cadence. Leave empty for all. Smartlead needs one: its webhooks belong to one campaign.',
    );
  }
  const needs = c.caps.triggerCampaign === 'required' || Boolean(polling && c.caps.events[event].pollingNeedsCampaign);
  // A tool without campaign filters still needs one where its polling lists one campaign at a time.
  if (c.caps.triggerCampaign === 'absent' && !needs) return null;
  return needs
    ? campaignField(c, 'required', `The ${toolOf(c)} ${nounLower(c)} to watch: ${toolOf(c)} delivers these events one ${nounLower(c)} at a time.`)
    : campaignField(c, 'optional', `Only events from this ${toolOf(c)} ${nounLower(c)}. Leave empty for all ${CAMPAIGN_NOUN_PLURAL[nounOf(c)]}.`);
};

/** The form of a trigger (instant or its polling twin) for the connected tool. */
export const triggerForm = (event: EventType, polling: boolean) =>
  formFor((c) => {
    const refused = c ? (polling ? pollingRefusal(c.tool, c.caps, event) : instantRefusal(c.tool, c.caps, event)) : null;
    if (c && refused) return [notice('not_available', `**Not available:** ${refused}`)];
    return [
      triggerCampaignField(c, event, polling),
      event === 'lead_interested' ? interestedField(c) : null,
      event === 'meeting_booked' ? meetingField(c) : null,
    ].filter((f): f is Field => f !== null);
  });

/** Normalize Webhook's category inputs: only where the tool uses categories. */
export const normalizeCategoryFields = formFor((c) => [interestedField(c), meetingField(c)].filter((f): f is Field => f !== null));

// ---- actions ----------------------------------------------------------------------------

const noActions = (c: Connected, what: string): Field[] | null => {
  const refused = c ? actionsRefusal(c.tool, c.caps, what) : null;
  return refused ? [notice('not_available', `**Not available:** ${refused}`)] : null;
};

// Email is static (not drawn per tool): Find or Create Lead maps it from search to update by key.
export const findForm = [emailField, ...formFor((c) => noActions(c, 'search') ?? [])];

export const createForm = formFor((c) => {
  const blocked = noActions(c, 'create');
  if (blocked) return blocked;
  const caps = c && typeof c.caps.actions !== 'string' ? c.caps.actions.create : null;
  const campaign = !caps
    ? campaignField(
        null,
        'optional',
        'Required for tools whose leads live inside a campaign (Smartlead, lemlist, Mailshake): there creating a lead adds it to this campaign, which starts the campaign for it.',
      )
    : caps.campaign === 'absent'
      ? null
      : campaignField(
          c,
          caps.campaign,
          caps.campaign === 'required'
            ? `${toolOf(c)} keeps leads inside a ${nounLower(c)}: creating the lead adds it to this ${nounLower(c)}, which starts the ${nounLower(c)} for it. An existing lead in it is updated.`
            : `The ${toolOf(c)} ${nounLower(c)} to create the lead in (optional).`,
        );
  return [emailField, ...(campaign ? [campaign] : []), ...leadDetailFields(c, caps?.requiredFields ?? [])];
});

export const updateForm = [
  emailField,
  ...formFor((c) => {
    const blocked = noActions(c, 'update');
    if (blocked) return blocked;
    const caps = c && typeof c.caps.actions !== 'string' ? c.caps.actions.update : null;
    if (caps && 'unsupported' in caps) {
      return [notice('update_note', `**${toolOf(c)} cannot update a lead:** ${caps.unsupported} This step returns the lead unchanged with *Updated* = false.`)];
    }
    const campaign =
      !caps || caps.campaign !== 'absent'
        ? campaignField(
            c,
            'optional',
            `For tools that keep leads inside a campaign (lemlist): the ${nounLower(c)} whose lead to update. Empty = the first ${nounLower(c)} the lead is in.`,
          )
        : null;
    return [...(campaign ? [campaign] : []), ...leadDetailFields(c, caps?.requiredFields ?? [])];
  }),
];

export const OUTCOME_HELP =
  'The step’s *Outcome* is one of `enrolled`, `already_enrolled`, `skipped_unsubscribed`, `skipped_in_other_campaign`, `skipped_previously_contacted` — filter on it.';

export const enrollForm = formFor((c) => {
  const blocked = noActions(c, 'enroll');
  if (blocked) return blocked;
  const caps = c && typeof c.caps.actions !== 'string' ? c.caps.actions.enroll : null;
  const noun = nounLower(c);
  const mailbox: Field | null =
    caps && caps.mailbox === 'absent'
      ? null
      : {
          key: 'mailbox_id',
          label: 'Sending Mailbox',
          type: 'string',
          required: caps?.mailbox === 'required',
          dynamic: 'mailbox_list.id.name',
          helpText: caps
            ? `The email account the ${toolOf(c)} ${noun} sends from (${toolOf(c)} requires it).`
            : 'Apollo only: the email account the sequence sends from (Apollo requires it).',
        };
  return [
    campaignField(
      c,
      'required',
      c ? `The ${toolOf(c)} ${noun} to add the lead to. ${OUTCOME_HELP}` : `The campaign / sequence / cadence to add the lead to. ${OUTCOME_HELP}`,
    ),
    ...(mailbox ? [mailbox] : []),
    emailField,
    ...leadDetailFields(c, caps?.requiredFields ?? []),
    choiceField('if_already_enrolled', 'If Already Enrolled', `What to do when the lead is already in this ${noun}.`, [
      ['skip', 'Skip (outcome `already_enrolled`)'],
      ['error', 'Stop with an error'],
    ]),
    choiceField('if_in_other_campaign', 'If In Another Campaign', `What to do when the lead is active in a different ${noun} of ${toolOf(c)}.`, [
      ['skip', 'Skip (outcome `skipped_in_other_campaign`)'],
      ['add_anyway', 'Add anyway'],
    ]),
    choiceField(
      'if_previously_contacted',
      'If Previously Contacted',
      `What to do with a lead that finished or left a ${noun} earlier — e.g. disqualified before and an MQL again now.`,
      [
        ['skip', 'Skip (outcome `skipped_previously_contacted`)'],
        ['re_enroll', 'Enroll again (re-qualified lead)'],
      ],
    ),
  ];
});

export const RESUME_OUTCOME_HELP =
  'The step’s *Outcome* is `resumed`, `already_running`, `not_paused` (finished or removed: cannot be resumed), `skipped_unsubscribed` (never resumed) or `not_found` — filter on it.';

export const resumeForm = formFor((c) => {
  const blocked = noActions(c, 'resume');
  if (blocked) return blocked;
  const caps = c && typeof c.caps.actions !== 'string' ? c.caps.actions.resume : null;
  if (caps && 'unsupported' in caps)
    return [notice('not_available', `**Not available:** Resume Sequence is not available for ${toolOf(c)}: ${caps.unsupported}`)];
  const noun = nounLower(c);
  const campaign = !caps
    ? campaignField(null, 'optional', `Leave empty to resume the lead wherever it is paused. ${RESUME_OUTCOME_HELP}`)
    : campaignField(
        c,
        caps.campaign === 'required' ? 'required' : 'optional',
        caps.campaign === 'required'
          ? `The ${toolOf(c)} ${noun} to resume the lead in. ${RESUME_OUTCOME_HELP}`
          : `Leave empty to resume the lead in every ${toolOf(c)} ${noun} it is paused in. ${RESUME_OUTCOME_HELP}`,
      );
  return [emailField, campaign];
});

const MODE_LABELS = {
  pause: 'Pause (can be resumed)',
  remove: 'Remove from the campaign',
  mark_finished: 'Mark as finished',
} as const;

export const STOP_OUTCOME_HELP = 'The step’s *Outcome* is `stopped`, `already_stopped` or `not_found` — filter on it.';

export const stopForm = formFor((c) => {
  const blocked = noActions(c, 'stop');
  if (blocked) return blocked;
  const caps = c && typeof c.caps.actions !== 'string' ? c.caps.actions.stop : null;
  const noun = nounLower(c);
  const campaign = !caps
    ? campaignField(null, 'optional', 'Leave empty to stop the lead in every campaign of this connection (Mixmax needs one: it stops per sequence).')
    : caps.campaign === 'required'
      ? campaignField(c, 'required', `The ${toolOf(c)} ${noun} to stop the lead in: ${toolOf(c)} stops a lead one ${noun} at a time.`)
      : campaignField(c, 'optional', `Leave empty to stop the lead in every ${toolOf(c)} ${noun} it is in.`);
  const modes = caps?.modes ?? (['pause', 'remove', 'mark_finished'] as const);
  const modeHelp = caps
    ? `What ${toolOf(c)} can do: ${modes.map((m) => MODE_LABELS[m].toLowerCase()).join(', ')}. Neither unsubscribes the lead. ${STOP_OUTCOME_HELP}`
    : `Pause keeps the lead and its history; remove takes it out of the campaign. Neither unsubscribes it. ${STOP_OUTCOME_HELP}`;
  return [
    emailField,
    campaign,
    choiceField(
      'mode',
      'Mode',
      modeHelp,
      modes.map((m) => [m, m === 'remove' ? `Remove from the ${noun}` : MODE_LABELS[m]]),
    ),
  ];
});
