import { hookTrigger } from '../src/app/eventTrigger';

export default hookTrigger('lead_interested', 'Triggers when a lead is marked interested (a category, label or status, depending on the tool).');
