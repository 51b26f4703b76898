import { hookTrigger } from '../src/app/eventTrigger';

export default hookTrigger('meeting_booked', "Triggers when a lead books a meeting (Calendly booking, or the tool's meeting category / event).");
