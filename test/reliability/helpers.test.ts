/** The shared helpers behind issue 12's fixes, directly (the app-level tests are in hostile.test.ts). */
import { jsonTextTooDeep, valueTooDeep } from '../../src/delivery/depth';
import { hasDotSegment, pathSegment } from '../../src/http/path';
import { withoutKey } from '../../src/http/client';
import { email, findAddresses, isAddress, isoUtc, lookup } from '../../src/model/values';
import { retryAfterInMessage } from '../../src/providers/mailshake/api';
import { issuesText, topLevelKeys } from '../../src/providers/shared/errors';

const fast = (fn: () => unknown, ms = 500) => {
  const t = Date.now();
  fn();
  expect(Date.now() - t).toBeLessThan(ms);
};

describe('timestamps', () => {
  it.each([
    '2025-02-30',
    '2025-02-29T00:00:00Z',
    '2023-04-31T10:00:00Z',
    '2025-13-01',
    '2025-01-01T24:00:00Z',
    'Sun, 30 Feb 2025 10:00:00 +0000',
    253402300800000,
    -1,
    '1969-12-31T23:59:59Z',
    'x'.repeat(10_000),
  ])('%p → null', (v) => expect(isoUtc(v)).toBeNull());
  it.each([
    ['2024-02-29T12:00:00+0100', '2024-02-29T11:00:00.000Z'],
    [0, '1970-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ] as const)('%p → %p', (v, want) => expect(isoUtc(v)).toBe(want));
});

describe('emails', () => {
  it.each([
    ['Jane Doe <Jane@Example.COM>', 'jane@example.com'],
    ['mailto:x@y.io', 'x@y.io'],
    [' a.b+c@sub.example.co.uk ', 'a.b+c@sub.example.co.uk'],
  ])('%p → %p, an address', (v, want) => {
    expect(email(v)).toBe(want);
    expect(isAddress(email(v)!)).toBe(true);
  });
  it.each(['0', 'a@b@c.com', 'jane @x.com', 'jane@x', '@x.com', 'a..b@x.com', `${'a'.repeat(300)}@x.com`])('%p is not an address', (v) =>
    expect(isAddress(email(v)!)).toBe(false),
  );
  it('finds addresses in free text in linear time', () => {
    expect(findAddresses('bounced: <Lost@Example.com>, from mailer-daemon@x.com.')).toEqual(['lost@example.com', 'mailer-daemon@x.com']);
    for (const unit of ['a', 'a@', 'a.', '1@a.']) fast(() => findAddresses(unit.repeat(1_000_000)));
  });
});

describe('own-property lookups', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('%s selects nothing', (k) => expect(lookup({ a: 1 }, k)).toBeUndefined());
});

describe('path ids', () => {
  it.each(['..', '.', 'a/b', 'a\\b', 'x\u0000', 'x\u007f', '', 'a'.repeat(300)])('%p is refused', (v) =>
    expect(() => pathSegment(v, 'Campaign')).toThrow(/The Campaign .* cannot be used/),
  );
  it('encodes the rest', () => {
    expect(pathSegment('a b?c#d')).toBe('a%20b%3Fc%23d');
    expect(pathSegment(42)).toBe('42');
    expect(pathSegment('...')).toBe('...');
  });
  it('spots dot segments, encoded or not', () => {
    expect(hasDotSegment('/campaigns/../webhooks')).toBe(true);
    expect(hasDotSegment('/campaigns/%2E%2e/webhooks')).toBe(true);
    expect(hasDotSegment('/campaigns/12/webhooks?x=..')).toBe(false);
  });
});

describe('bounded texts', () => {
  it('error texts quote the first issues and keys only', () => {
    const issues = Array.from({ length: 100_000 }, (_, i) => ({ path: ['items', i], message: 'bad' }));
    expect(issuesText({ issues }).length).toBeLessThan(400);
    expect(topLevelKeys(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${'x'.repeat(100)}${i}`, i])))).toMatch(/… 980 more$/);
  });
  it('Mailshake "try again" texts are read in bounded time', () => {
    fast(() => retryAfterInMessage(`${'1'.repeat(200_000)} x`));
    expect(retryAfterInMessage('Please try again in 30 seconds')).toBe(30);
  });
  it('keys are scrubbed in every wire form', () => {
    const key = 'live-key-0123456789abcdef';
    const text = `${key} ${encodeURIComponent(key)} ${Buffer.from(`:${key}`).toString('base64')} ${Buffer.from(`${key}:`).toString('base64')}`;
    expect(withoutKey(text, key)).toBe('[redacted] [redacted] [redacted] [redacted]');
    expect(withoutKey('revoked', 'revoked')).toBe('revoked'); // too short to be a key
  });
});

describe('depth', () => {
  it('counts nesting in text and values without recursion', () => {
    expect(jsonTextTooDeep('['.repeat(65))).toBe(true);
    expect(jsonTextTooDeep(`"${'['.repeat(100)}"`)).toBe(false);
    expect(jsonTextTooDeep('[[["\\"[[["]]]', 3)).toBe(false);
    let v: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) v = [v];
    expect(valueTooDeep(v)).toBe(true);
    expect(valueTooDeep({ a: [{ b: 1 }] })).toBe(false);
  });
});
