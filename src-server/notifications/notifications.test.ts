import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pkiKey } from '../../tests/fixtures/scenario';
import { describeEachDatabase } from '../../tests/fixtures/server/databases';
import { lastSms } from '../../tests/fixtures/server/flows';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { decodeMime, startSmtp } from '../../tests/fixtures/server/smtp';
import { loadConfig } from '../config';
import { generateInitialPassword, INITIAL_PASSWORD_LENGTH } from '../domain/passwords';
import { passwordMeetsPolicy } from '../domain/password-policy';
import { httpSmsGateway } from './sms';


describeEachDatabase('e-mail over SMTP', (engine) => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    h = await createHarness(engine, { config: { smtpUrl: smtp.url, mailFrom: 'Tongban <noreply@tongban.test>', smsSign: '【测试门户】' } });
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
  });

  it('tells the administrator by e-mail (zh-CN) that the enterprise was registered, without the passwords', async () => {
    const e = await h.scene.enterprise(await pkiKey(h.pki));
    await expect.poll(() => smtp.mails.length).toBe(1);
    const mail = smtp.mails[0]!;
    expect(mail.from).toBe('noreply@tongban.test');
    expect(mail.to).toEqual(['admin@example.com']);
    const decoded = decodeMime(mail.raw);
    expect(decoded).toContain(`${e.name}（统一社会信用代码 ${e.uscc}）已在通办完成企业用户注册`);
    expect(decoded).not.toContain(e.adminPassword);
    expect(decoded).not.toContain(e.superPassword);
  });

  it('signs every SMS and e-mail subject with the portal\'s configured signature, once', async () => {
    const e = await h.scene.enterprise(await pkiKey(h.pki));
    await expect.poll(() => smtp.mails.length).toBe(2);
    expect(decodeMime(smtp.mails[1]!.raw)).toMatch(/^【测试门户】[^【]*企业用户注册成功/u);
    const sms = await lastSms(h);
    expect(sms).toMatch(/^【测试门户】[^【]*已注册成功/u);
    expect(sms).toContain(e.name);
  });
});

describe('the portal signature and initial passwords', () => {
  it('defaults to the SIP portal\'s signature and refuses one a carrier would refuse', () => {
    expect(loadConfig({}).smsSign).toBe('【园区一网通办】');
    expect(loadConfig({ TONGBAN_SMS_SIGN: '【北京中小企业服务】' }).smsSign).toBe('【北京中小企业服务】');
    for (const bad of ['通办', '【】', '【a b】', '【一二三四五六七八九十一二三】']) expect(() => loadConfig({ TONGBAN_SMS_SIGN: bad })).toThrow(/TONGBAN_SMS_SIGN/);
  });

  it('makes initial passwords that pass the policy and have no look-alike or symbol a phone hides', () => {
    for (let i = 0; i < 500; i++) {
      const p = generateInitialPassword();
      expect(p).toHaveLength(INITIAL_PASSWORD_LENGTH);
      expect(passwordMeetsPolicy(p, 'admin')).toBe(true);
      expect(p).toMatch(/^[A-Za-z2-9]+$/);
      expect(p).not.toMatch(/[01IOoliSsZzBbGgqUuVvjcpkwxy]/);
    }
  });
});


describe('HTTP SMS gateway', () => {
  let received: { headers: IncomingMessage['headers']; body: string }[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(status).end('{}');
    });
  });
  let url: string;
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('posts the mobile and text as JSON with the bearer token', async () => {
    received = [];
    await httpSmsGateway({ url, token: 'gw-secret' }).send('13812345678', '【通办】测试');
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.authorization).toBe('Bearer gw-secret');
    expect(JSON.parse(received[0]!.body)).toEqual({ mobile: '13812345678', text: '【通办】测试' });
  });

  it('fails when the gateway refuses, so the caller does not report a code as sent', async () => {
    status = 503;
    await expect(httpSmsGateway({ url, token: null }).send('13812345678', 'x')).rejects.toThrow(/503/);
    status = 200;
  });
});
