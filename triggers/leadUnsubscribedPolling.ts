import { pollingTrigger } from '../src/app/eventTrigger';

export default pollingTrigger(
  'lead_unsubscribed',
  'Triggers when a lead unsubscribes or opts out, checked every few minutes. Use it for tools without webhooks (Apollo) or if you prefer polling.',
);
