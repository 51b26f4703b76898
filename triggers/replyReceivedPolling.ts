import { pollingTrigger } from '../src/app/eventTrigger';

export default pollingTrigger(
  'reply_received',
  'Triggers when a lead replies to a campaign email, checked every few minutes. Use it for tools without webhooks (Apollo) or if you prefer polling.',
);
