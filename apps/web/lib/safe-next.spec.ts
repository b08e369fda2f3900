import { describe, expect, it } from '@jest/globals';
import { safeNextPath } from './safe-next';

describe('safeNextPath (sign-in return address)', () => {
  it.each([
    ['/agent', '/agent'],
    ['/agent/queue?tab=returned', '/agent/queue?tab=returned'],
    ['/cases/3f0c?x=1#timeline', '/cases/3f0c?x=1#timeline'],
  ])('keeps the same-origin path %s', (input, out) => {
    expect(safeNextPath(input)).toBe(out);
  });

  it.each([
    null,
    undefined,
    '',
    'agent',
    '//evil.example/agent',
    '/\\evil.example',
    '/\\/evil.example',
    'https://evil.example/agent',
    'javascript:alert(1)',
    '/\tevil',
    '/login',
    '/login?next=/agent',
    `/${'a'.repeat(2001)}`,
  ])('refuses %p', (input) => {
    expect(safeNextPath(input)).toBeNull();
  });
});
