import { pollingTrigger } from '../src/app/eventTrigger';

export default pollingTrigger(
  'lead_interested',
  'Triggers when a lead is marked interested, checked every few minutes. Use it for tools without webhooks (Apollo) or if you prefer polling.',
);
