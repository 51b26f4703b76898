import nock from 'nock';
import { appTester, authFor, messageOf, op, resetNock } from './support/app';

/**
 * Mixmax's part of the lead lifecycle (issue 10): none of it is available, and each trigger /
 * action refuses before any call, saying why and what to use instead.
 */
const auth = { authData: authFor('mixmax') };
beforeEach(() => resetNock());
afterEach(() => nock.cleanAll());

describe('Mixmax lifecycle: refused with the reason, before any call', () => {
  it('Sequence Finished (polling): the API state does not tell a finished recipient from one who replied', async () => {
    const err = await appTester(op('triggers', 'sequence_finished_polling').perform, { ...auth, inputData: { campaign_id: 'seq1' } } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(
      /Mixmax’s API gives a sequence recipient only the state active, failed or completed: it does not tell a recipient who received every stage from one who replied, bounced or unsubscribed/,
    );
    expect(messageOf(err)).toMatch(/Exited: Completed/);
  });

  it('Sequence Finished (instant) and Meeting Canceled cannot be subscribed', async () => {
    for (const key of ['sequence_finished', 'meeting_canceled']) {
      const err = await appTester(op('triggers', key).performSubscribe, { ...auth, inputData: {}, targetUrl: 'https://hooks.zapier.com/x' } as never).catch(
        (e) => e,
      );
      expect([key, messageOf(err)]).toEqual([key, expect.stringMatching(/is not available instantly for Mixmax: Mixmax/)]);
    }
  });

  it('Resume Sequence: an exited recipient cannot be resumed', async () => {
    const err = await appTester(op('creates', 'resume_sequence').perform, {
      ...auth,
      inputData: { email: 'jane@example.com', campaign_id: 'seq1' },
    } as never).catch((e) => e);
    expect(messageOf(err)).toMatch(/^Resume Sequence is not available for Mixmax: Mixmax can only exit a recipient/);
  });
});
