import { version as platformVersion } from 'zapier-platform-core';
import { version } from '../package.json';
import { authentication } from './authentication';
import { attachCredentials, mapAuthAndThrottling } from './app/middleware';
import campaignList from '../triggers/campaignList';
import replyReceived from '../triggers/replyReceived';
import leadInterested from '../triggers/leadInterested';
import meetingBooked from '../triggers/meetingBooked';
import emailBounced from '../triggers/emailBounced';
import leadUnsubscribed from '../triggers/leadUnsubscribed';
import replyReceivedPolling from '../triggers/replyReceivedPolling';
import leadInterestedPolling from '../triggers/leadInterestedPolling';
import meetingBookedPolling from '../triggers/meetingBookedPolling';
import emailBouncedPolling from '../triggers/emailBouncedPolling';
import leadUnsubscribedPolling from '../triggers/leadUnsubscribedPolling';
import meetingCanceled from '../triggers/meetingCanceled';
import meetingCanceledPolling from '../triggers/meetingCanceledPolling';
import sequenceFinished from '../triggers/sequenceFinished';
import sequenceFinishedPolling from '../triggers/sequenceFinishedPolling';
import mailboxList from '../triggers/mailboxList';
import categoryList from '../triggers/categoryList';
import findLead from '../searches/findLead';
import createLead from '../creates/createLead';
import updateLead from '../creates/updateLead';
import enrollLead from '../creates/enrollLead';
import stopSequence from '../creates/stopSequence';
import resumeSequence from '../creates/resumeSequence';
import normalizeEvent from '../creates/normalizeEvent';

const byKey = (...items: { key: string }[]): Record<string, unknown> => Object.fromEntries(items.map((item) => [item.key, item]));

/** The app definition Zapier loads. It only assembles; behaviour lives in src/. */
const app = {
  version,
  platformVersion,
  authentication,
  flags: {
    // Empty inputs stay as sent; our zod schemas decide what empty means.
    cleanInputData: false,
    // Let our afterResponse see 429s so the message names the tool and its limit.
    throwForThrottlingEarly: false,
    // Every API call goes through http/client, which maps statuses itself.
    skipThrowForStatus: true,
  },
  beforeRequest: [attachCredentials],
  afterResponse: [mapAuthAndThrottling],
  triggers: byKey(
    replyReceived,
    leadInterested,
    meetingBooked,
    emailBounced,
    leadUnsubscribed,
    meetingCanceled,
    sequenceFinished,
    replyReceivedPolling,
    leadInterestedPolling,
    meetingBookedPolling,
    emailBouncedPolling,
    leadUnsubscribedPolling,
    meetingCanceledPolling,
    sequenceFinishedPolling,
    campaignList,
    mailboxList,
    categoryList,
  ),
  searches: byKey(findLead),
  creates: byKey(createLead, updateLead, enrollLead, stopSequence, resumeSequence, normalizeEvent),
  // Find Lead; Create Lead when nothing is found, Update Lead when it is (Zapier's
  // search-or-create-or-update pattern).
  searchOrCreates: {
    find_lead: {
      key: 'find_lead',
      display: {
        label: 'Find or Create Lead',
        description: 'Finds a lead by email, creates it if it does not exist yet, and can update the one it found.',
      },
      search: 'find_lead',
      create: 'create_lead',
      update: 'update_lead',
      updateInputFromSearchOutput: { email: 'email' },
      searchUniqueInputToOutputConstraint: { email: 'email' },
    },
  },
};

export = app;
