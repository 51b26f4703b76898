import { pollingTrigger } from '../src/app/eventTrigger';

export default pollingTrigger(
  'meeting_canceled',
  'Triggers when a booked meeting is canceled (not when it is rescheduled, and not for a no-show), checked every few minutes.',
);
