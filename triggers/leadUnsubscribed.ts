import { hookTrigger } from '../src/app/eventTrigger';

export default hookTrigger('lead_unsubscribed', 'Triggers when a lead unsubscribes or opts out.');
