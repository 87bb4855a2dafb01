import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseAccount } from '@shared/contract/client-api';
import type { ClientServices } from './client-services';
import { call, registeredClientWorld, value, type ClientWorld } from '../../tests/fixtures/client-world';

// accounts.* behind window.tongban against the real portal (SQLite) and a SoftHSM key: the enterprise of
// JSCA-RSA-0001 registers with its key, its admin lists the accounts, creates a handler with the subsidy
// permission (initial password by SMS), revokes it; a handler may do none of this.
let world: ClientWorld;
let admin: ClientServices;
let handler: ClientServices;

beforeAll(async () => {
  world = await registeredClientWorld({ labels: ['JSCA-RSA-0001'], registerWith: 'JSCA-RSA-0001', adminMobile: '13912340001' });
  await world.enterprise.handler('plain', { mobile: '13900003333', permissions: [] });
  admin = world.services();
  handler = world.services();
  await world.signIn(admin, 'admin');
  await world.signIn(handler, 'plain');
}, 120_000);

afterAll(() => world?.close());

describe('accounts and permissions through the client services', () => {
  it('lets the admin list the accounts, create a handler with the subsidy permission and revoke it', async () => {
    const before = value(await call<{ accounts: EnterpriseAccount[] }>(admin, 'accounts.list'));
    expect(before.accounts.map((a) => [a.username, a.role])).toEqual(expect.arrayContaining([['admin', 'admin'], ['plain', 'handler']]));
    for (const a of before.accounts) if (a.mobile) expect(a.mobile).toMatch(/\*{4}/);

    const created = value(await call<EnterpriseAccount>(admin, 'accounts.create', { username: 'clerk2', role: 'handler', displayName: '李四', mobile: '139 0000 4444', permissions: ['subsidy'] }));
    expect(created).toMatchObject({ username: 'clerk2', role: 'handler', displayName: '李四', permissions: ['subsidy'] });
    expect(created.mobile).not.toContain('13900004444');
    expect(await world.portal.lastSms('13900004444')).toMatch(/初始密码/);
    expect(value(await call<{ accounts: EnterpriseAccount[] }>(admin, 'accounts.list')).accounts.find((a) => a.id === created.id)).toMatchObject({ permissions: ['subsidy'] });

    const revoked = value(await call<EnterpriseAccount>(admin, 'accounts.setPermissions', { accountId: created.id, permissions: [] }));
    expect(revoked).toMatchObject({ id: created.id, permissions: [] });
    expect(value(await call<{ accounts: EnterpriseAccount[] }>(admin, 'accounts.list')).accounts.find((a) => a.id === created.id)).toMatchObject({ permissions: [] });
    const granted = value(await call<EnterpriseAccount>(admin, 'accounts.setPermissions', { accountId: created.id, permissions: ['subsidy'] }));
    expect(granted.permissions).toEqual(['subsidy']);
  });

  it('refuses an admin creating an admin, and malformed input before anything is sent', async () => {
    expect(await call(admin, 'accounts.create', { username: 'boss2', role: 'admin', displayName: '赵', mobile: '13900005555', permissions: [] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(admin, 'accounts.create', { username: 'x', role: 'handler', displayName: '赵', mobile: '123', permissions: [] })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(await call(admin, 'accounts.setPermissions', { accountId: 'nope', permissions: ['subsidy'] })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(await call(admin, 'accounts.setPermissions', { accountId: randomUUID(), permissions: ['bogus'] })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
  });

  it('refuses a handler and a client that is not signed in', async () => {
    const list = value(await call<{ accounts: EnterpriseAccount[] }>(admin, 'accounts.list'));
    const plain = list.accounts.find((a) => a.username === 'plain')!;
    const denied = { ok: false, error: { code: 'FORBIDDEN' } };
    expect(await call(handler, 'accounts.list')).toMatchObject(denied);
    expect(await call(handler, 'accounts.create', { username: 'sneaky', role: 'handler', displayName: '钱', mobile: '13900006666', permissions: ['subsidy'] })).toMatchObject(denied);
    expect(await call(handler, 'accounts.setPermissions', { accountId: plain.id, permissions: ['subsidy'] })).toMatchObject(denied);
    expect(value(await call<{ accounts: EnterpriseAccount[] }>(admin, 'accounts.list')).accounts.find((a) => a.id === plain.id)!.permissions).toEqual([]);
    expect(await call(world.services(), 'accounts.list')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });
});
