// Rate limit and flood control key on the client's network: an IPv6 /64, or an IPv4 address.
import { describe, expect, it } from 'vitest';
import { clientNetwork } from '../../../src/http/client.ts';
import { newReader, postComment } from '../helpers/comments.ts';
import { expectProblem } from '../helpers/schemas.ts';

describe('clientNetwork', () => {
  it.each([
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::1', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::FFFF', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['192.0.2.7', '192.0.2.7'],
    ['not an address', 'not an address'],
  ])('%s → %s', (ip, network) => {
    expect(clientNetwork(ip)).toBe(network);
  });
});

describe('flood control', () => {
  it('refuses a second comment from another address in the same IPv6 /64, not from another /64', async () => {
    const post = (ip: string) => {
      const reader = { ...newReader(), ip };
      return postComment(
        '/articles/ankara-energy',
        { name: 'a', email: reader.email, body: `${ip} ${crypto.randomUUID()}` },
        reader,
      );
    };
    expect((await post('2001:db8:77:1::1')).status).toBe(202);
    expect((await expectProblem(await post('2001:db8:77:1:ffff::2'), 429)).type).toBe('https://minbar.test/problems/too-fast');
    expect((await post('2001:db8:77:2::1')).status).toBe(202);
  });
});
