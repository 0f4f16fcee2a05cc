import { describe, expect, it } from 'vitest';
import { request, SEED_PATH } from './helpers/http.ts';

describe('smoke', () => {
  it('serves the seed', async () => {
    const res = await request(SEED_PATH);
    console.log(res.status, [...res.headers]);
    console.log((await res.text()).slice(0, 3000));
    const api = await request(`/api${SEED_PATH}`);
    console.log(api.status, (await api.text()).slice(0, 500));
    expect(res.status).toBe(200);
  });
});
