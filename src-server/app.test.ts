import { describe, expect, it } from 'vitest';
import { buildServer } from './app';

describe('platform server', () => {
  it('answers the health check', async () => {
    const app = await buildServer();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    await app.close();
  });
});
