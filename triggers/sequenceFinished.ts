import { hookTrigger } from '../src/app/eventTrigger';

export default hookTrigger(
  'sequence_finished',
  'Triggers when a lead reaches the end of a campaign or sequence without replying (not when it replied, bounced or unsubscribed).',
);
