import nock from 'nock';
import { TOOL_IDS, TOOL_LABELS } from '../src/model/tools';
import { CAPABILITIES } from '../src/providers/capabilityTable';
import { App, appTester, authFor, messageOf, op, resetNock } from './support/app';
import { byKey, fieldsFor, keys } from './support/capabilityForms';

/**
 * The Zap editor as a new user meets it, per tool. The table-derived check of every form of every
 * tool is in test/forms.<tool>.test.ts (one file per tool: core's memory checker counts app
 * invocations per file).
 */

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
    for (const tool of ['woodpecker', 'mailshake'] as const)
      expect(byKey(await fieldsFor('creates', 'stop_sequence', tool)).mode?.choices?.map((c) => c.value)).toEqual(['pause']);
    for (const tool of ['apollo', 'replyio'] as const)
      expect(byKey(await fieldsFor('creates', 'stop_sequence', tool)).mode?.choices?.map((c) => c.value)).toEqual(['pause', 'remove', 'mark_finished']);
    expect(byKey(await fieldsFor('creates', 'stop_sequence', 'smartlead')).mode?.choices?.map((c) => c.value)).toEqual(['pause', 'remove']);
  });

  it('Salesloft and Mixmax cannot resume (remove only): the Resume form says so and the step refuses before any call', async () => {
    for (const tool of ['salesloft', 'mixmax'] as const) {
      const [note] = await fieldsFor('creates', 'resume_sequence', tool);
      expect(note?.type).toBe('copy');
      const err = await appTester(op('creates', 'resume_sequence').perform, {
        authData: authFor(tool),
        inputData: { email: 'jane@example.com', campaign_id: '1' },
      } as never).catch((e) => e);
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
    for (const key of FIVE.flatMap((e) => [e, `${e}_polling`]))
      expect([key, byKey(await fieldsFor('triggers', key, 'smartlead')).campaign_id?.required]).toEqual([key, true]);
    expect(byKey(await fieldsFor('creates', 'create_lead', 'smartlead')).campaign_id).toMatchObject({
      required: true,
      helpText: expect.stringMatching(/adds it to this campaign, which starts the campaign for it/),
    });
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
    const err = await appTester(op('creates', 'create_lead').perform, { authData: authFor('replyio'), inputData: { email: 'bo@example.com' } } as never).catch(
      (e) => e,
    );
    expect(messageOf(err)).toBe('First Name is required for Reply.io: map the lead’s first name from an earlier step.');
  });

  it('categories only where the tool uses them, as a dropdown of the tool’s own list (Smartlead, Reply.io)', async () => {
    expect(byKey(await fieldsFor('triggers', 'lead_interested', 'smartlead')).interested_categories).toMatchObject({
      dynamic: 'category_list.id.name',
      default: 'Interested',
    });
    expect(byKey(await fieldsFor('triggers', 'meeting_booked', 'smartlead')).meeting_categories).toMatchObject({
      dynamic: 'category_list.id.name',
      default: 'Meeting Booked',
    });
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
