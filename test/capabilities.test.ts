import nock from 'nock';
import { EVENT_LABELS, EVENT_TYPES, TOOL_IDS, TOOL_LABELS, type EventType, type ToolId } from '../src/model/tools';
import { CAPABILITIES } from '../src/providers/capabilityTable';
import { PROVIDERS } from '../src/providers';
import { App, appTester, authFor, messageOf, op, resetNock } from './support/app';

/**
 * The Zap editor, drawn for each tool's connection exactly as Zapier draws it: every function
 * entry of a form's inputFields resolved through the app tester. Nock blocks every request, so
 * a form or a refusal that needed the network fails here.
 */
type Field = { key: string; label?: string; type?: string; required?: boolean; dynamic?: string; default?: string; helpText?: string; choices?: { value: string }[] };

const TRIGGERS = EVENT_TYPES.flatMap((e) => [e, `${e}_polling`]);
const ACTIONS = [
  ['searches', 'find_lead'],
  ['creates', 'create_lead'],
  ['creates', 'update_lead'],
  ['creates', 'enroll_lead'],
  ['creates', 'stop_sequence'],
  ['creates', 'resume_sequence'],
  ['creates', 'normalize_event'],
] as const;

const fieldsFor = async (kind: 'triggers' | 'creates' | 'searches', key: string, tool: ToolId | null): Promise<Field[]> =>
  (await appTester(op(kind, key).inputFields as never, { authData: tool ? authFor(tool) : {}, inputData: {} } as never)) as Field[];

const byKey = (fields: Field[]) => Object.fromEntries(fields.map((f) => [f.key, f]));
const keys = (fields: Field[]) => fields.map((f) => f.key);

beforeEach(resetNock);

/**
 * Expectations written by hand from each tool's docs (the list), not read from the
 * table: a table edit that breaks one of these fails here.
 */
describe('what a new user sees per tool (hand-written expectations)', () => {
  it('Salesloft and Mixmax Stop Sequence: Remove is the only mode and the default; no Pause, no Mark as finished', async () => {
    for (const tool of ['salesloft', 'mixmax'] as const) {
      const mode = byKey(await fieldsFor('creates', 'stop_sequence', tool)).mode;
      expect([tool, mode?.choices?.map((c) => c.value), mode?.default]).toEqual([tool, ['remove'], 'remove']);
    }
  });

  it('Woodpecker and Mailshake Stop Sequence: Pause only; Apollo and Reply.io offer Mark as finished', async () => {
    for (const tool of ['woodpecker', 'mailshake'] as const) expect(byKey(await fieldsFor('creates', 'stop_sequence', tool)).mode?.choices?.map((c) => c.value)).toEqual(['pause']);
    for (const tool of ['apollo', 'replyio'] as const) expect(byKey(await fieldsFor('creates', 'stop_sequence', tool)).mode?.choices?.map((c) => c.value)).toEqual(['pause', 'remove', 'mark_finished']);
    expect(byKey(await fieldsFor('creates', 'stop_sequence', 'smartlead')).mode?.choices?.map((c) => c.value)).toEqual(['pause', 'remove']);
  });

  it('Salesloft and Mixmax cannot resume (remove only): the Resume form says so and the step refuses before any call', async () => {
    for (const tool of ['salesloft', 'mixmax'] as const) {
      const [note] = await fieldsFor('creates', 'resume_sequence', tool);
      expect(note?.type).toBe('copy');
      const err = await appTester(op('creates', 'resume_sequence').perform, { authData: authFor(tool), inputData: { email: 'jane@example.com', campaign_id: '1' } } as never).catch((e) => e);
      expect(messageOf(err)).toMatch(new RegExp(`^Resume Sequence is not available for ${TOOL_LABELS[tool]}: .*cannot be resumed`));
    }
  });

  it('Mixmax Stop Sequence needs the Sequence; others may leave it empty', async () => {
    expect(byKey(await fieldsFor('creates', 'stop_sequence', 'mixmax')).campaign_id).toMatchObject({ label: 'Sequence', required: true });
    expect(byKey(await fieldsFor('creates', 'stop_sequence', 'lemlist')).campaign_id).toMatchObject({ label: 'Campaign', required: false });
  });

  it('Apollo Enroll: Sending Mailbox present and required; no other tool shows it', async () => {
    expect(byKey(await fieldsFor('creates', 'enroll_lead', 'apollo')).mailbox_id).toMatchObject({ required: true, dynamic: 'mailbox_list.id.name' });
    for (const tool of TOOL_IDS.filter((t) => t !== 'apollo' && t !== 'calendly')) {
      expect([tool, keys(await fieldsFor('creates', 'enroll_lead', tool)).includes('mailbox_id')]).toEqual([tool, false]);
    }
  });

  it('Smartlead: Campaign required on every trigger and on Create Lead', async () => {
    const FIVE = ['reply_received', 'lead_interested', 'meeting_booked', 'email_bounced', 'lead_unsubscribed'];
    for (const key of FIVE.flatMap((e) => [e, `${e}_polling`])) expect([key, byKey(await fieldsFor('triggers', key, 'smartlead')).campaign_id?.required]).toEqual([key, true]);
    expect(byKey(await fieldsFor('creates', 'create_lead', 'smartlead')).campaign_id).toMatchObject({ required: true, helpText: expect.stringMatching(/adds it to this campaign, which starts the campaign for it/) });
  });

  it('Calendly Meeting Booked: no Campaign, no Meeting Categories', async () => {
    expect(await fieldsFor('triggers', 'meeting_booked', 'calendly')).toEqual([]);
    expect(await fieldsFor('triggers', 'meeting_booked_polling', 'calendly')).toEqual([]);
  });

  it('the tool’s own word: Sequence (Reply.io, Apollo, Mixmax), Cadence (Salesloft)', async () => {
    expect(byKey(await fieldsFor('creates', 'enroll_lead', 'replyio')).campaign_id?.label).toBe('Sequence');
    expect(byKey(await fieldsFor('creates', 'enroll_lead', 'apollo')).campaign_id?.label).toBe('Sequence');
    expect(byKey(await fieldsFor('creates', 'enroll_lead', 'mixmax')).campaign_id?.label).toBe('Sequence');
    expect(byKey(await fieldsFor('creates', 'enroll_lead', 'salesloft')).campaign_id?.label).toBe('Cadence');
    expect(byKey(await fieldsFor('triggers', 'reply_received_polling', 'salesloft')).campaign_id?.label).toBe('Cadence');
  });

  it('Reply.io: First Name required on Create and Enroll (POST /v1/people requires firstName)', async () => {
    expect(byKey(await fieldsFor('creates', 'create_lead', 'replyio')).first_name?.required).toBe(true);
    expect(byKey(await fieldsFor('creates', 'enroll_lead', 'replyio')).first_name?.required).toBe(true);
    expect(byKey(await fieldsFor('creates', 'enroll_lead', 'lemlist')).first_name?.required).toBe(false);
    const err = await appTester(op('creates', 'create_lead').perform, { authData: authFor('replyio'), inputData: { email: 'bo@example.com' } } as never).catch((e) => e);
    expect(messageOf(err)).toBe('First Name is required for Reply.io: map the lead’s first name from an earlier step.');
  });

  it('categories only where the tool uses them, as a dropdown of the tool’s own list (Smartlead, Reply.io)', async () => {
    expect(byKey(await fieldsFor('triggers', 'lead_interested', 'smartlead')).interested_categories).toMatchObject({ dynamic: 'category_list.id.name', default: 'Interested' });
    expect(byKey(await fieldsFor('triggers', 'meeting_booked', 'smartlead')).meeting_categories).toMatchObject({ dynamic: 'category_list.id.name', default: 'Meeting Booked' });
    expect(byKey(await fieldsFor('triggers', 'lead_interested', 'replyio')).interested_categories).toMatchObject({ dynamic: 'category_list.id.name' });
    expect(keys(await fieldsFor('triggers', 'meeting_booked', 'replyio'))).not.toContain('meeting_categories');
    for (const tool of ['lemlist', 'woodpecker', 'mailshake'] as const) {
      expect([tool, keys(await fieldsFor('triggers', 'lead_interested', tool))]).toEqual([tool, ['campaign_id']]);
    }
    expect(keys(await fieldsFor('triggers', 'lead_interested_polling', 'apollo'))).toEqual(['campaign_id']);
  });

  it('Mailshake and Woodpecker key help links go to a key page or the vendor’s key docs, not the app’s home page', async () => {
    expect(CAPABILITIES.woodpecker.credential.url).not.toBe('https://app.woodpecker.co/');
    expect(CAPABILITIES.mailshake.credential.url).not.toBe('https://app.mailshake.com/');
    const help = App.authentication.fields.find((f) => f.key === 'api_key')?.helpText ?? '';
    for (const tool of TOOL_IDS) expect(help).toContain(`](${CAPABILITIES[tool].credential.url})`);
  });

  it('no trigger description says "(instant)": Zapier shows its own badge', () => {
    for (const t of Object.values(App.triggers) as { display: { description: string } }[]) expect(t.display.description).not.toMatch(/\(instant\)/);
  });
});

/** The same facts derived from the table for every tool × form (the table drives all of them). */
describe.each(TOOL_IDS)('%s: every form follows its capability table', (tool) => {
  const caps = CAPABILITIES[tool];
  const label = TOOL_LABELS[tool];

  it.each(EVENT_TYPES)('trigger %s: instant and polling forms show only what the tool uses, or say why it cannot', async (event: EventType) => {
    for (const polling of [false, true]) {
      const key = polling ? `${event}_polling` : event;
      const fields = await fieldsFor('triggers', key, tool);
      const cap = caps.events[event];
      const available = polling ? cap.polling : cap.instant;
      if (!available) {
        expect([key, fields.map((f) => f.type)]).toEqual([key, ['copy']]);
        expect(fields[0]?.helpText).toContain(`not available${polling ? '' : ' instantly'} for ${label}`);
        continue;
      }
      const campaign = byKey(fields).campaign_id;
      if (caps.triggerCampaign === 'absent') expect([key, campaign]).toEqual([key, undefined]);
      else {
        expect([key, campaign?.label, campaign?.required]).toEqual([
          key,
          caps.campaignNoun,
          caps.triggerCampaign === 'required' || Boolean(polling && cap.pollingNeedsCampaign),
        ]);
      }
      const categoryKey = event === 'lead_interested' ? 'interested_categories' : event === 'meeting_booked' ? 'meeting_categories' : null;
      const signal = event === 'lead_interested' ? caps.interest : caps.meetings;
      const shown = keys(fields).some((k) => k.endsWith('_categories'));
      expect([key, shown]).toEqual([key, Boolean(categoryKey) && signal.kind === 'categories']);
    }
  });

  it.each(EVENT_TYPES)('trigger %s: the test step and the polling twin refuse what the tool cannot deliver, with subscribe’s words, before any call', async (event: EventType) => {
    const cap = caps.events[event];
    const inputData = { campaign_id: '1' };
    if (!cap.instant) {
      const subscribe = messageOf(await appTester(op('triggers', event).performSubscribe, { authData: authFor(tool), inputData, targetUrl: 'https://hooks.zapier.com/x' } as never).catch((e) => e));
      const list = messageOf(await appTester(op('triggers', event).performList, { authData: authFor(tool), inputData } as never).catch((e) => e));
      expect(list).toBe(subscribe);
      expect(list).toMatch(new RegExp(`^${EVENT_LABELS[event]} is not available instantly for ${label.replace('.', '\\.')}: `));
    }
    if (!cap.polling) {
      const polled = messageOf(await appTester(op('triggers', `${event}_polling`).perform, { authData: authFor(tool), inputData } as never).catch((e) => e));
      expect(polled).toMatch(new RegExp(`^${EVENT_LABELS[event]} \\(Polling\\) is not available for ${label.replace('.', '\\.')}: `));
    }
  });

  it('actions: fields present only where the tool uses them, required where it requires them', async () => {
    const actions = caps.actions;
    if (typeof actions === 'string') {
      for (const [kind, key] of ACTIONS.filter(([, k]) => k !== 'normalize_event')) {
        const fields = await fieldsFor(kind, key, tool);
        expect([key, fields.filter((f) => f.type === 'copy').map((f) => f.helpText)]).toEqual([key, [expect.stringContaining(`${label} has no leads or sequences`)]]);
      }
      return;
    }
    const create = byKey(await fieldsFor('creates', 'create_lead', tool));
    expect(create.campaign_id?.required ?? 'absent').toBe(actions.create.campaign === 'absent' ? 'absent' : actions.create.campaign === 'required');
    for (const f of actions.create.requiredFields) expect(create[f]?.required).toBe(true);

    const enroll = byKey(await fieldsFor('creates', 'enroll_lead', tool));
    expect(enroll.campaign_id).toMatchObject({ required: true, label: caps.campaignNoun });
    expect(enroll.mailbox_id?.required ?? 'absent').toBe(actions.enroll.mailbox === 'absent' ? 'absent' : actions.enroll.mailbox === 'required');
    for (const f of actions.enroll.requiredFields) expect(enroll[f]?.required).toBe(true);

    const stop = byKey(await fieldsFor('creates', 'stop_sequence', tool));
    expect(stop.mode?.choices?.map((c) => c.value)).toEqual(actions.stop.modes);
    expect(stop.mode?.default).toBe(actions.stop.modes[0]);
    expect(stop.campaign_id?.required).toBe(actions.stop.campaign === 'required');

    const resume = await fieldsFor('creates', 'resume_sequence', tool);
    if ('unsupported' in actions.resume) expect(resume.map((f) => f.helpText)).toEqual([expect.stringContaining(actions.resume.unsupported)]);
    else expect(byKey(resume).campaign_id?.required).toBe(actions.resume.campaign === 'required');

    const update = await fieldsFor('creates', 'update_lead', tool);
    if ('unsupported' in actions.update) expect(update.filter((f) => f.type === 'copy').map((f) => f.helpText)).toEqual([expect.stringContaining(actions.update.unsupported)]);
    else expect(byKey(update).campaign_id === undefined).toBe(actions.update.campaign === 'absent');
  });

  it('Normalize Webhook shows category inputs only where the tool uses categories', async () => {
    const fields = keys(await fieldsFor('creates', 'normalize_event', tool));
    expect(fields.includes('interested_categories')).toBe(caps.interest.kind === 'categories');
    expect(fields.includes('meeting_categories')).toBe(caps.meetings.kind === 'categories');
  });

  it('Zapier conventions hold for every drawn form: dropdowns point at triggers, help never repeats the label, links are HTTPS', async () => {
    for (const [kind, key] of [...TRIGGERS.map((k) => ['triggers', k] as const), ...ACTIONS]) {
      for (const field of await fieldsFor(kind, key, tool)) {
        if (field.dynamic) expect([key, field.key, (field.dynamic.split('.')[0] as string) in App.triggers]).toEqual([key, field.key, true]);
        if (field.helpText) expect(field.helpText.trim().toLowerCase()).not.toBe(field.label?.trim().toLowerCase());
        expect(field.helpText ?? '').not.toMatch(/\]\(http:/);
      }
    }
  });

  it('a Stop Sequence run without a Mode uses the tool’s default, never a mode it lacks', async () => {
    const actions = caps.actions;
    const provider = PROVIDERS[tool];
    if (typeof actions === 'string' || !provider.leads) return;
    // Some providers build their lead operations in a getter: swap the property, then restore it.
    const saved = Object.getOwnPropertyDescriptor(provider, 'leads') as PropertyDescriptor;
    const stop = jest.fn().mockResolvedValue({ outcome: 'not_found', tool, lead: null, campaign: null, affected_campaigns: [], detail: 'x' });
    Object.defineProperty(provider, 'leads', { value: { ...provider.leads, stop }, configurable: true });
    try {
      await appTester(op('creates', 'stop_sequence').perform, { authData: authFor(tool), inputData: { email: 'jane@example.com', campaign_id: '1', mode: '' } } as never);
      expect(stop.mock.calls[0]?.[1]).toEqual({ email: 'jane@example.com', campaign_id: '1', mode: actions.stop.modes[0] });
    } finally {
      Object.defineProperty(provider, 'leads', saved);
    }
  });

  it('the provider carries exactly this table and the label people read', () => {
    expect(PROVIDERS[tool].capabilities).toBe(caps);
    expect(PROVIDERS[tool].label).toBe(label);
  });
});

describe('before a connection is chosen', () => {
  it('draws the generic form (every field, nothing required that a tool may not need)', async () => {
    expect(keys(await fieldsFor('triggers', 'meeting_booked', null))).toEqual(['campaign_id', 'meeting_categories']);
    expect(keys(await fieldsFor('creates', 'enroll_lead', null))).toContain('mailbox_id');
    expect(byKey(await fieldsFor('creates', 'enroll_lead', null)).mailbox_id?.required).toBe(false);
  });
});

describe('category dropdowns read the tool’s own list', () => {
  it('Smartlead: GET /leads/fetch-categories', async () => {
    nock('https://server.smartlead.ai')
      .get('/api/v1/leads/fetch-categories')
      .query({ api_key: 'test-smartlead-key' })
      .reply(200, [
        { id: 1, created_at: '2022-06-29T13:30:17.547Z', name: 'Interested', sentiment_type: 'positive' },
        { id: 2, created_at: '2022-06-29T13:30:17.547Z', name: 'Meeting Request', sentiment_type: 'positive' },
        { id: 77, created_at: '2024-01-02T10:00:00.000Z', name: 'Meeting Booked', sentiment_type: null },
      ]);
    expect(await appTester(op('triggers', 'category_list').perform, { authData: authFor('smartlead') } as never)).toEqual([
      { id: 'Interested', name: 'Interested' },
      { id: 'Meeting Request', name: 'Meeting Request' },
      { id: 'Meeting Booked', name: 'Meeting Booked' },
    ]);
  });

  it('Reply.io: GET /v3/inbox/threads/categories with the v3 Bearer key', async () => {
    nock('https://api.reply.io', { reqheaders: { authorization: 'Bearer test-replyio-key' } })
      .get('/v3/inbox/threads/categories')
      .reply(200, [
        { id: 1, name: 'Interested', color: 'Green', isReserved: true, unreadThreadsCount: 2 },
        { id: 9, name: 'Not interested', color: 'Red', isReserved: true, unreadThreadsCount: 0 },
      ]);
    expect(await appTester(op('triggers', 'category_list').perform, { authData: authFor('replyio') } as never)).toEqual([
      { id: 'Interested', name: 'Interested' },
      { id: 'Not interested', name: 'Not interested' },
    ]);
  });

  it('tools without a category list answer an empty dropdown without any call', async () => {
    expect(await appTester(op('triggers', 'category_list').perform, { authData: authFor('lemlist') } as never)).toEqual([]);
  });
});
