import { describe, expect, it } from 'vitest';
import type { Membership } from '../../shared/schemas/auth.js';
import { chooseSpaceSlug } from './space-slug.js';

const member: Membership = { space: { id: 'space_abc123', slug: 'acme', name: 'Acme' }, role: 'fan' };

describe('chooseSpaceSlug', () => {
  it('prefers the space query parameter', () => {
    expect(chooseSpaceSlug('?space=coffee', [member])).toBe('coffee');
  });

  it('falls back to the first membership, then to demo', () => {
    expect(chooseSpaceSlug('', [member])).toBe('acme');
    expect(chooseSpaceSlug('?space=', [])).toBe('demo');
  });
});
