import { nameCampaigns, publishOutcome } from '../src/app/publish';

describe('outcome details name campaigns by name when the outcome carries it', () => {
  const q2 = { id: '9181', name: 'Q2 outbound' };
  it('replaces an id after a campaign / sequence / cadence word', () => {
    expect(nameCampaigns('jane@x.com was added to Smartlead campaign 9181.', [q2])).toBe('jane@x.com was added to Smartlead campaign "Q2 outbound".');
    expect(nameCampaigns('Mixmax added jane@x.com to sequence 9181.', [q2])).toBe('Mixmax added jane@x.com to sequence "Q2 outbound".');
    expect(nameCampaigns('Added jane@x.com to Salesloft cadence 9181 (state: staged).', [q2])).toBe(
      'Added jane@x.com to Salesloft cadence "Q2 outbound" (state: staged).',
    );
  });

  it('names each id of a list, keeps the ids it has no name for, and touches nothing else', () => {
    expect(nameCampaigns('Paused jane@x.com in Apollo sequences 9181, 77.', [q2])).toBe('Paused jane@x.com in Apollo sequences "Q2 outbound", 77.');
    expect(nameCampaigns('checked 9181 recipients of campaign 77', [q2])).toBe('checked 9181 recipients of campaign 77');
    expect(nameCampaigns('already in lemlist campaign "Q2 outbound"; nothing changed.', [q2])).toBe(
      'already in lemlist campaign "Q2 outbound"; nothing changed.',
    );
  });

  it('leaves the detail as it is without names', () => {
    expect(nameCampaigns('Added to campaign 9181.', [{ id: '9181', name: null }])).toBe('Added to campaign 9181.');
  });

  it('publishOutcome uses the campaign, the affected campaigns and the lead’s memberships, and adds tool_label', () => {
    const out = publishOutcome({
      outcome: 'stopped',
      tool: 'replyio',
      lead: null,
      campaign: null,
      affected_campaigns: [{ id: '51155', name: 'Inbound demo', status: 'Paused' }],
      detail: 'Reply.io paused bo@example.com in sequence 51155.',
    });
    expect(out).toMatchObject({ tool_label: 'Reply.io', detail: 'Reply.io paused bo@example.com in sequence "Inbound demo".' });
  });
});
