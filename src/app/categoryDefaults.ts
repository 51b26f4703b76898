/** The category names a trigger matches when the form's category field is left empty. */
export const DEFAULT_INTERESTED = ['Interested'];
export const DEFAULT_MEETING = ['Meeting Booked'];
