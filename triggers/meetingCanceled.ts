import { hookTrigger } from '../src/app/eventTrigger';

export default hookTrigger(
  'meeting_canceled',
  'Triggers when a booked meeting is canceled (not when it is rescheduled, and not for a no-show), with who canceled and why.',
);
