import { advise, resolveTool } from '../src/harness/advise/advise';
import { KNOWN_TOOLS, NATIVE_INTEGRATIONS, NO_PUBLIC_API } from '../src/harness/advise/native';
import { TOOL_IDS } from '../src/model/tools';
import { runCli } from './support/cli';

describe('advise: native integration first', () => {
  it('knows every Sales Connect tool and every name its table uses', () => {
    for (const tool of TOOL_IDS) expect([tool, resolveTool(tool)]).toEqual([tool, tool]);
    for (const n of NATIVE_INTEGRATIONS) expect([n.source in KNOWN_TOOLS, n.destination in KNOWN_TOOLS]).toEqual([true, true]);
    for (const tool of Object.keys(NO_PUBLIC_API)) expect(tool in KNOWN_TOOLS).toBe(true);
    expect(resolveTool('Reply.io')).toBe('replyio');
    expect(resolveTool('SFDC')).toBe('salesforce');
    expect(resolveTool('nope')).toBeNull();
  });

  it('apollo → hubspot: the native two-way sync first; Sales Connect adds the polling triggers', () => {
    const a = advise('apollo', 'hubspot');
    expect(a.native).toMatchObject({ source: 'apollo', destination: 'hubspot', kind: 'native', twoWay: true, reversed: false });
    expect(a.verdict).toMatch(/^Use the native integration first \(contact, account and deal sync\)/);
    expect(a.salesConnect.triggers).toEqual([
      'Reply Received (polling)',
      'Lead Interested (polling)',
      'Email Bounced (polling)',
      'Lead Unsubscribed (polling)',
      'Sequence Finished (polling)',
    ]);
    expect(a.salesConnect.actions).toEqual([]);
  });

  it('hubspot → smartlead: the native one runs the other way; Sales Connect actions fill the gap', () => {
    const a = advise('hubspot', 'smartlead');
    expect(a.native).toMatchObject({ source: 'smartlead', destination: 'hubspot', reversed: true });
    expect(a.salesConnect.actions).toEqual([
      'Find Lead',
      'Create or Update Lead',
      'Enroll Lead in Campaign',
      'Stop Sequence for Lead (pause, remove)',
      'Resume Sequence for Lead',
    ]);
    expect(a.salesConnect.how).toEqual(["A trigger from HubSpot's own Zapier app, then Sales Connect actions with the Smartlead connection."]);
  });
});

describe('sales-connect advise (the real binary)', () => {
  it('smartlead salesforce: no native integration, the third-party one named, Sales Connect triggers listed', async () => {
    const run = await runCli(['advise', 'smartlead', 'salesforce']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Smartlead → Salesforce: No native integration; OutboundSync \(third party\) offers lead and activity sync\./);
    expect(run.stdout).toContain('  third-party: Smartlead → Salesforce (via OutboundSync): lead and activity sync\n');
    expect(run.stdout).toContain(
      '  Sales Connect triggers (Smartlead): Reply Received (instant or polling), Lead Interested (instant or polling), Meeting Booked (instant or polling), Email Bounced (instant or polling), Lead Unsubscribed (instant or polling), Sequence Finished (polling)\n',
    );
  });

  it('yesware hubspot: says there is no API to connect to, and the bridge', async () => {
    const run = await runCli(['advise', 'yesware', 'hubspot']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Yesware → HubSpot: No integration can reach Yesware: no public API\.\n/);
    expect(run.stdout).toMatch(/no public API: Yesware has no REST API and no webhooks.*Bridge through its Salesforce integration \(Enterprise plan\)/);
    expect(run.stdout).not.toMatch(/Sales Connect (triggers|actions)/);
  });

  it('--json gives the same answer as one object', async () => {
    const run = await runCli(['advise', 'apollo', 'hubspot', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(JSON.stringify(advise('apollo', 'hubspot'))));
  });

  it('an unknown name is a usage error listing the known ones', async () => {
    const run = await runCli(['advise', 'smartlead', 'notion']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`sales-connect advise: unknown tool "notion"; known: ${Object.keys(KNOWN_TOOLS).join(', ')} — see: sales-connect advise --help\n`);
  });
});
