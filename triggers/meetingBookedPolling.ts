import { pollingTrigger } from '../src/app/eventTrigger';

export default pollingTrigger(
  'meeting_booked',
  'Triggers when a lead books a meeting, checked every few minutes. Use it for tools without webhooks (Apollo) or if you prefer polling.',
);
