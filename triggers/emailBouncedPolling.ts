import { pollingTrigger } from '../src/app/eventTrigger';

export default pollingTrigger(
  'email_bounced',
  'Triggers when a campaign email to a lead bounces, checked every few minutes. Use it for tools without webhooks (Apollo) or if you prefer polling.',
);
