import { describe, expect, it } from 'vitest';
import { TOKEN_USERNAME, toAuth } from '../../../../main/credentials/resolve';

describe('toAuth', () => {
  it('sends username and password for a password login', () => {
    expect(toAuth('127.0.0.1:5000', 'alice', 's3cret', false)).toEqual({
      username: 'alice',
      password: 's3cret',
      serveraddress: '127.0.0.1:5000',
    });
  });
  it('sends an identity token instead, the way helpers and config.json mark one', () => {
    const expected = { username: '', password: '', serveraddress: 'r', identitytoken: 'tok' };
    expect(toAuth('r', 'alice', 'tok', true)).toEqual(expected);
    expect(toAuth('r', TOKEN_USERNAME, 'tok', false)).toEqual(expected);
  });
});
