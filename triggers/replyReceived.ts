import { hookTrigger } from '../src/app/eventTrigger';

export default hookTrigger('reply_received', 'Triggers when a lead replies to a campaign email, in whichever outbound tool the connection is for.');
