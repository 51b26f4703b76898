import { EVENT_TYPES } from '../src/model/tools';
import { PROVIDERS } from '../src/providers';
import { appTester, authFor, messageOf, op } from './support/app';

const TARGET = 'https://hooks.zapier.com/hooks/standard/1/x/';
const failure = async (p: Promise<unknown>) => messageOf(await p.then(() => new Error('expected an error')).catch((e) => e));

/** What every tool says for a trigger it cannot deliver — checked before any HTTP call (nock blocks all). */
describe('triggers a tool cannot deliver fail clearly, naming what to use instead', () => {
  it('Apollo instant triggers point to the polling ones', async () => {
    expect(await failure(appTester(op('triggers', 'reply_received').performSubscribe, { authData: authFor('apollo'), targetUrl: TARGET } as never))).toMatch(
      /Reply Received is not available instantly for Apollo: .*Use the "Reply Received \(Polling\)" trigger instead\./,
    );
  });

  it('Reply.io polling says the instant trigger is the way (no activity list)', async () => {
    expect(await failure(appTester(op('triggers', 'reply_received_polling').perform, { authData: authFor('replyio'), inputData: {} } as never))).toMatch(
      /Reply Received \(Polling\) is not available for Reply\.io: Reply\.io has no API to list recent Reply Received events; use the instant "Reply Received" trigger/,
    );
  });

  it('a polling trigger the tool cannot list refuses instead of never firing (Woodpecker has no interested status filter)', async () => {
    expect(await failure(appTester(op('triggers', 'lead_interested_polling').perform, { authData: authFor('woodpecker'), inputData: {} } as never))).toMatch(
      /Lead Interested \(Polling\) is not available for Woodpecker: Woodpecker has no API to list recent Lead Interested events; use the instant "Lead Interested" trigger/,
    );
  });

  it('Smartlead polling asks for a Campaign instead of silently returning nothing', async () => {
    expect(await failure(appTester(op('triggers', 'reply_received_polling').perform, { authData: authFor('smartlead'), inputData: {} } as never))).toMatch(
      /^Campaign is required for Smartlead: it lists recent events one campaign at a time/,
    );
  });

  it('Mixmax explains the rule + Normalize Webhook route', async () => {
    expect(await failure(appTester(op('triggers', 'reply_received').performSubscribe, { authData: authFor('mixmax'), targetUrl: TARGET } as never))).toMatch(
      /Normalize Webhook/,
    );
  });

  it('every tool × event has a mode, and every "none" or "polling" explains itself', () => {
    for (const provider of Object.values(PROVIDERS)) {
      for (const event of EVENT_TYPES) {
        const cap = provider.capabilities.events[event];
        expect([provider.id, event, cap.instant ? Boolean(provider.events.subscribe) : (cap.why ?? '').length > 20]).toEqual([provider.id, event, true]);
      }
    }
  });
});
