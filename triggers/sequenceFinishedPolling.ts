import { pollingTrigger } from '../src/app/eventTrigger';

export default pollingTrigger(
  'sequence_finished',
  'Triggers when a lead reaches the end of a campaign or sequence without replying, checked every few minutes.',
);
