import { hookTrigger } from '../src/app/eventTrigger';

export default hookTrigger('email_bounced', 'Triggers when a campaign email to a lead bounces.');
