import { PublishedLead } from '../src/model/published';
import { messageOf } from './support/app';
import { useMockApi } from './support/mockApi';

/**
 * Update Lead (Find or Create Lead's update step) against each tool's local mock: it changes the
 * lead Find Lead found, keeps the values left empty, says when the tool cannot change a lead, and
 * never creates one.
 */
describe('Update Lead: Woodpecker (prospects update in place)', () => {
  const api = useMockApi('woodpecker');

  it('changes the fields given and keeps the others', async () => {
    await api.start();
    const out = (await api.run('creates', 'update_lead', { email: 'Rita@Replied.example.com', title: 'CTO' })) as Record<string, unknown>;
    PublishedLead.parse(out);
    expect(out).toMatchObject({
      email: 'rita@replied.example.com',
      first_name: 'Rita',
      last_name: 'Replied',
      company: 'Replied Inc',
      title: 'CTO',
      tool_label: 'Woodpecker',
    });
    expect(out.updated).toBe(true);
    const [found] = (await api.run('searches', 'find_lead', { email: 'rita@replied.example.com' })) as { title: string; company: string }[];
    expect(found).toMatchObject({ title: 'CTO', company: 'Replied Inc' });
  });

  it('refuses an unknown email with a clear error and creates nothing', async () => {
    await api.start();
    const err = await api.run('creates', 'update_lead', { email: 'nobody@example.com', title: 'CTO' }).catch((e) => e);
    expect(messageOf(err)).toBe('Woodpecker has no lead nobody@example.com: nothing to update. Use Find or Create Lead to create it.');
    expect(await api.run('searches', 'find_lead', { email: 'nobody@example.com' })).toEqual([]);
  });
});

describe('Update Lead: lemlist (leads are updated inside their campaign)', () => {
  const api = useMockApi('lemlist');

  it('with no Campaign, updates the lead in the campaign it is in', async () => {
    await api.start();
    const out = (await api.run('creates', 'update_lead', { email: 'bob@example.com', company: 'Stone & Sons' })) as Record<string, unknown>;
    expect(out).toMatchObject({ updated: true, company: 'Stone & Sons', first_name: 'Bob', tool_label: 'lemlist' });
    expect(out.detail).toBe('Updated bob@example.com in campaign "Q2 outbound" in lemlist.');
  });
});

describe('Update Lead: Mailshake (no API call changes a recipient)', () => {
  const api = useMockApi('mailshake');

  it('returns the lead unchanged with updated = false and the reason', async () => {
    await api.start();
    const out = (await api.run('creates', 'update_lead', { email: 'rita@replied.example.com', title: 'CTO' })) as Record<string, unknown>;
    expect(out).toMatchObject({ updated: false, email: 'rita@replied.example.com', tool_label: 'Mailshake' });
    expect(out.detail).toMatch(/^rita@replied\.example\.com was left as it is: Mailshake has no API call that changes a recipient/);
  });
});
