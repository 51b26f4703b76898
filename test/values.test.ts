import { email, eventId, isoUtc, splitName } from '../src/model/values';

describe('isoUtc: every timestamp form the tools send, as toISOString() UTC', () => {
  it.each([
    ['2025-03-21T20:47:47+0100', '2025-03-21T19:47:47.000Z'], // Woodpecker: offset without a colon
    ['2025-03-28T09:35:01+00:00', '2025-03-28T09:35:01.000Z'], // Smartlead
    ['2019-08-24T14:15:22.123456Z', '2019-08-24T14:15:22.123Z'], // Calendly: microseconds
    ['2025-04-10T15:00:00.000000-04:00', '2025-04-10T19:00:00.000Z'], // Salesloft
    ['2026-04-21T09:30:00', '2026-04-21T09:30:00.000Z'], // no zone: UTC, not the server's local time
    ['2025-03-21 19:47:47', '2025-03-21T19:47:47.000Z'], // space separator, no zone
    ['Fri, 21 Mar 2025 19:47:47 +0100', '2025-03-21T18:47:47.000Z'], // RFC 2822
    [1712000000000, '2024-04-01T19:33:20.000Z'], // epoch ms (Mixmax)
    [1712000000, '2024-04-01T19:33:20.000Z'], // epoch s
  ] as const)('%s → %s', (input, expected) => {
    expect(isoUtc(input)).toBe(expected);
  });

  it.each([[''], ['not a date'], [null], [undefined], [Number.NaN], ['Fri, 21 Mar 2025']])('%p → null', (input) => {
    expect(isoUtc(input)).toBeNull();
  });

  it('does not depend on the machine’s time zone', () => {
    // Node reads TZ at start-up; the no-zone case above must still be UTC whatever TZ was.
    expect(isoUtc('2026-04-21T09:30:00')).toBe(new Date(Date.UTC(2026, 3, 21, 9, 30)).toISOString());
  });
});

describe('ids and values', () => {
  it('keeps a short tool id readable and hashes composite ones stably', () => {
    expect(eventId('calendly', 'meeting_booked', ['AAAA'])).toBe('calendly:meeting_booked:AAAA');
    const a = eventId('smartlead', 'reply_received', [9181, 'x@example.com', '<m@1>']);
    expect(a).toBe(eventId('smartlead', 'reply_received', ['9181', 'x@example.com', '<m@1>']));
    expect(a).not.toBe(eventId('smartlead', 'reply_received', [9181, 'x@example.com', '<m@2>']));
    expect(a).toMatch(/^smartlead:reply_received:[0-9a-f]{24}$/);
  });

  it('lower-cases emails and splits names', () => {
    expect(email(' Jane@Example.COM ')).toBe('jane@example.com');
    expect(splitName('Jane van Doe')).toEqual({ first: 'Jane', last: 'van Doe' });
  });
});
