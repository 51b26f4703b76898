import { EVENT_LABELS, EVENT_TYPES, TOOL_LABELS, type EventType, type ToolId } from '../../src/model/tools';
import { CAPABILITIES } from '../../src/providers/capabilityTable';
import { PROVIDERS } from '../../src/providers';
import { App, appTester, authFor, messageOf, op, resetNock } from './app';

/**
 * The Zap editor, drawn for each tool's connection exactly as Zapier draws it: every function
 * entry of a form's inputFields resolved through the app tester. Nock blocks every request, so
 * a form or a refusal that needed the network fails here.
 */
export type Field = {
  key: string;
  label?: string;
  type?: string;
  required?: boolean;
  dynamic?: string;
  default?: string;
  helpText?: string;
  choices?: { value: string }[];
};

export const TRIGGERS = EVENT_TYPES.flatMap((e) => [e, `${e}_polling`]);
export const ACTIONS = [
  ['searches', 'find_lead'],
  ['creates', 'create_lead'],
  ['creates', 'update_lead'],
  ['creates', 'enroll_lead'],
  ['creates', 'stop_sequence'],
  ['creates', 'resume_sequence'],
  ['creates', 'normalize_event'],
] as const;

export const fieldsFor = async (kind: 'triggers' | 'creates' | 'searches', key: string, tool: ToolId | null): Promise<Field[]> =>
  (await appTester(op(kind, key).inputFields as never, { authData: tool ? authFor(tool) : {}, inputData: {} } as never)) as Field[];

export const byKey = (fields: Field[]) => Object.fromEntries(fields.map((f) => [f.key, f]));
export const keys = (fields: Field[]) => fields.map((f) => f.key);

/** The same facts derived from the table for every tool × form (the table drives all of them). */
export const describeFormsOf = (tool: ToolId) =>
  describe(`${tool}: every form follows its capability table`, () => {
    beforeEach(resetNock);
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
        if (caps.triggerCampaign === 'absent' && !(polling && cap.pollingNeedsCampaign)) expect([key, campaign]).toEqual([key, undefined]);
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

    it.each(EVENT_TYPES)(
      'trigger %s: the test step and the polling twin refuse what the tool cannot deliver, with subscribe’s words, before any call',
      async (event: EventType) => {
        const cap = caps.events[event];
        const inputData = { campaign_id: '1' };
        if (!cap.instant) {
          const subscribe = messageOf(
            await appTester(op('triggers', event).performSubscribe, {
              authData: authFor(tool),
              inputData,
              targetUrl: 'https://hooks.zapier.com/x',
            } as never).catch((e) => e),
          );
          const list = messageOf(await appTester(op('triggers', event).performList, { authData: authFor(tool), inputData } as never).catch((e) => e));
          expect(list).toBe(subscribe);
          expect(list).toMatch(new RegExp(`^${EVENT_LABELS[event]} is not available instantly for ${label.replace('.', '\\.')}: `));
        }
        if (!cap.polling) {
          const polled = messageOf(
            await appTester(op('triggers', `${event}_polling`).perform, { authData: authFor(tool), inputData } as never).catch((e) => e),
          );
          expect(polled).toMatch(new RegExp(`^${EVENT_LABELS[event]} \\(Polling\\) is not available for ${label.replace('.', '\\.')}: `));
        }
      },
    );

    it('actions: fields present only where the tool uses them, required where it requires them', async () => {
      const actions = caps.actions;
      if (typeof actions === 'string') {
        for (const [kind, key] of ACTIONS.filter(([, k]) => k !== 'normalize_event')) {
          const fields = await fieldsFor(kind, key, tool);
          expect([key, fields.filter((f) => f.type === 'copy').map((f) => f.helpText)]).toEqual([
            key,
            [expect.stringContaining(`${label} has no leads or sequences`)],
          ]);
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
      if ('unsupported' in actions.update)
        expect(update.filter((f) => f.type === 'copy').map((f) => f.helpText)).toEqual([expect.stringContaining(actions.update.unsupported)]);
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
        await appTester(op('creates', 'stop_sequence').perform, {
          authData: authFor(tool),
          inputData: { email: 'jane@example.com', campaign_id: '1', mode: '' },
        } as never);
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
