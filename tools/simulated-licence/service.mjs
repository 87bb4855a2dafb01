// SimulatedLicenceService: a stand-in for the national e-business licence service (电子营业执照) and its
// mini-program, which cannot be reached from here and whose protocol is not public (issue 14). Plain node:http and
// no build step, so `npm start` and the tests start it as it is. It holds licences from a JSON file, registers the
// portal's one-time logins (signed requests), and serves a phone page that plays the mini-program: who you are,
// the licences you hold, what the PC asks for, confirm or refuse. Each step is a signed callback to the portal:
// HMAC-SHA256 over `<timestamp>.<nonce>.<payload>` with the shared secret (src-server/elicence/licence-service.ts).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

export const SIMULATION_NAME = 'SimulatedLicenceService';
const WINDOW_SECONDS = 300;
const ROLE_TEXT = { legal: '法定代表人', manager: '证照管理员', agent: '办事人' };
const ITEM_TEXT = { subsidy: '高层次和紧缺人才招聘补贴', disbursement: '人才资金拨付申请', constructionFiling: '建设工程备案' };

const sign = (secret, payload, timestamp, nonce) => createHmac('sha256', secret).update(`${timestamp}.${nonce}.${payload}`).digest('hex');

export function signedMessage(secret, body, now) {
  const payload = JSON.stringify(body);
  const timestamp = Math.floor(now.getTime() / 1000);
  const nonce = randomBytes(18).toString('base64url');
  return { payload, timestamp, nonce, signature: sign(secret, payload, timestamp, nonce) };
}

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * @param {{ data: { persons: any[]; licences: any[] }; secret: string; now?: () => Date; origin?: string;
 *   deliver?: (url: string, body: object) => Promise<{ status: number; body: string }>; log?: (line: string) => void }} opts
 */
export function createSimulatedLicenceService(opts) {
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((line) => console.log(`[${SIMULATION_NAME}] ${line}`));
  const deliver =
    opts.deliver ??
    (async (url, body) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.text() };
    });
  /** ticket → { loginId, callbackUrl, expiresAt, personId?, uscc?, role?, done? } */
  const logins = new Map();
  const seenNonces = new Set();
  /** Every callback sent, so a test can replay one. */
  const sent = [];
  let origin = opts.origin ?? null;

  const person = (id) => opts.data.persons.find((p) => p.personId === id);
  /** The licences a person holds, with their role on each (the mini-program's first screen). */
  function holdings(personId) {
    const out = [];
    for (const l of opts.data.licences) {
      if (l.legalRepresentative.personId === personId) out.push({ licence: l, role: 'legal' });
      if ((l.managers ?? []).slice(0, 5).includes(personId)) out.push({ licence: l, role: 'manager' });
      const agent = (l.agents ?? []).find((a) => a.personId === personId);
      if (agent) out.push({ licence: l, role: 'agent', agent });
    }
    return out;
  }

  async function callback(login, event) {
    const message = signedMessage(opts.secret, { ...event, loginId: login.loginId }, now());
    sent.push({ url: login.callbackUrl, message });
    const answer = await deliver(login.callbackUrl, message);
    log(`callback ${event.event} for login ${login.loginId}: ${answer.status}`);
    return answer;
  }

  /** The person opened the PC's code and chose one of their licences: the portal hears who scanned. */
  async function scan(ticket, personId, uscc, role) {
    const login = logins.get(ticket);
    const who = person(personId);
    const held = holdings(personId).find((h) => h.licence.uscc === uscc && h.role === role);
    if (!login || !who || !held) throw new Error('unknown ticket, person or licence');
    Object.assign(login, { personId, uscc, role });
    return callback(login, { event: 'scanned', personName: who.name, role });
  }

  async function decide(ticket, confirm) {
    const login = logins.get(ticket);
    if (!login?.personId) throw new Error('not scanned');
    login.done = true;
    if (!confirm) return callback(login, { event: 'refused' });
    const who = person(login.personId);
    const held = holdings(login.personId).find((h) => h.licence.uscc === login.uscc && h.role === login.role);
    const l = held.licence;
    const legal = person(l.legalRepresentative.personId);
    return callback(login, {
      event: 'confirmed',
      confirmation: {
        personId: who.personId,
        personName: who.name,
        mobile: who.mobile,
        role: held.role,
        ...(held.agent ? { items: held.agent.items, validUntil: held.agent.validUntil } : {}),
        licence: { uscc: l.uscc, name: l.name, address: l.address ?? '', legalRepresentative: { name: legal?.name ?? '', origin: l.legalRepresentative.origin } },
      },
    });
  }

  /** A signed request of the portal, checked and its nonce spent; its payload parsed, else null. */
  function signedPayload(body) {
    const ok =
      body &&
      typeof body.payload === 'string' &&
      typeof body.signature === 'string' &&
      /^[0-9a-f]{64}$/.test(body.signature) &&
      timingSafeEqual(Buffer.from(body.signature, 'hex'), Buffer.from(sign(opts.secret, body.payload, body.timestamp, body.nonce), 'hex')) &&
      Math.abs(now().getTime() / 1000 - body.timestamp) <= WINDOW_SECONDS &&
      !seenNonces.has(body.nonce);
    if (!ok) return null;
    seenNonces.add(body.nonce);
    return JSON.parse(body.payload);
  }

  function registerLogin(body) {
    const payload = signedPayload(body);
    if (!payload) return null;
    const { loginId, callbackUrl, expiresAt } = payload;
    const ticket = randomBytes(24).toString('base64url');
    logins.set(ticket, { loginId, callbackUrl, expiresAt });
    log(`login ${loginId} registered`);
    return { qrUrl: `${origin}/m/licence?ticket=${ticket}` };
  }

  /**
   * The card licence (卡式电子营业执照): its certificate names the enterprise, the service answers for the licence
   * behind it (name, address, legal representative) when the portal sees that enterprise for the first time.
   */
  function lookupLicence(body) {
    const payload = signedPayload(body);
    if (!payload) return { status: 401, body: { error: 'signature' } };
    const l = opts.data.licences.find((x) => x.uscc === payload.uscc);
    if (!l) return { status: 404, body: { error: 'unknown licence' } };
    const legal = person(l.legalRepresentative.personId);
    log(`licence ${l.uscc} looked up`);
    return {
      status: 200,
      body: { licence: { uscc: l.uscc, name: l.name, address: l.address ?? '', legalRepresentative: { name: legal?.name ?? '', mobile: legal?.mobile ?? '', origin: l.legalRepresentative.origin } } },
    };
  }

  const page = (body) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>模拟电子营业执照小程序（${SIMULATION_NAME}）</title><style>body{font-family:sans-serif;max-width:28rem;margin:1rem auto;padding:0 1rem;color:#1f1f1f}` +
    `.sim{background:#fff7e6;border:1px solid #d46b08;padding:.5rem;color:#873800}a,button{font-size:1rem}li{margin:.5rem 0}button{padding:.5rem 1rem;margin-right:.5rem}</style></head>` +
    `<body><p class="sim" role="note">模拟服务 ${SIMULATION_NAME}：仅供开发与测试，不是国家电子营业执照系统。</p><main>${body}</main></body></html>`;

  function phonePage(url) {
    const ticket = url.searchParams.get('ticket') ?? '';
    const login = logins.get(ticket);
    if (!login) return page('<h1>二维码无效</h1><p>请在电脑上刷新二维码后重新扫码。</p>');
    if (login.done) return page('<h1>已处理</h1><p>请回到电脑继续。</p>');
    const personId = url.searchParams.get('person');
    if (!personId) {
      const items = opts.data.persons
        .map((p) => `<li><a href="?ticket=${esc(ticket)}&amp;person=${esc(p.personId)}">我是 ${esc(p.name)}</a></li>`)
        .join('');
      return page(`<h1>扫码登录：选择本机的持有人</h1><p>模拟多部手机：选择以谁的身份打开电子营业执照小程序。</p><ul>${items}</ul>`);
    }
    const who = person(personId);
    const mine = holdings(personId);
    const list = mine
      .map((h) => {
        const extra = h.agent ? `（${h.agent.items.map((i) => ITEM_TEXT[i] ?? i).join('、')}，至 ${esc(h.agent.validUntil.slice(0, 10))}）` : '';
        return (
          `<li><form method="post" action="/m/licence/scan"><input type="hidden" name="ticket" value="${esc(ticket)}">` +
          `<input type="hidden" name="person" value="${esc(personId)}"><input type="hidden" name="uscc" value="${esc(h.licence.uscc)}">` +
          `<input type="hidden" name="role" value="${h.role}"><button type="submit">${esc(h.licence.name)} · ${ROLE_TEXT[h.role]}${extra}</button></form></li>`
        );
      })
      .join('');
    return page(`<h1>${esc(who?.name ?? '')} 持有的电子营业执照</h1>${mine.length ? `<ul>${list}</ul>` : '<p>您没有可用的电子营业执照。</p>'}`);
  }

  function askPage(ticket) {
    const login = logins.get(ticket);
    const l = opts.data.licences.find((x) => x.uscc === login.uscc);
    const form = (decision, text) =>
      `<form method="post" action="/m/licence/decide" style="display:inline"><input type="hidden" name="ticket" value="${esc(ticket)}">` +
      `<input type="hidden" name="decision" value="${decision}"><button type="submit">${text}</button></form>`;
    return page(
      `<h1>登录确认</h1><p>电脑端“通办”请求以 <strong>${esc(l.name)}</strong>（${esc(l.uscc)}）的 ${ROLE_TEXT[login.role]} 身份登录。</p>` +
        `<p>请确认是您本人在电脑上操作。</p>${form('confirm', '确认登录')}${form('refuse', '拒绝')}`,
    );
  }

  async function readForm(req) {
    let text = '';
    for await (const chunk of req) text += chunk;
    return req.headers['content-type']?.includes('json') ? JSON.parse(text || '{}') : Object.fromEntries(new URLSearchParams(text));
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sim');
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'x-simulation': SIMULATION_NAME });
      res.end(body);
    };
    try {
      if (req.method === 'POST' && url.pathname === '/api/logins') {
        const answer = registerLogin(await readForm(req));
        return answer ? send(200, 'application/json', JSON.stringify(answer)) : send(401, 'application/json', '{"error":"signature"}');
      }
      if (req.method === 'POST' && url.pathname === '/api/licences/lookup') {
        const answer = lookupLicence(await readForm(req));
        return send(answer.status, 'application/json', JSON.stringify(answer.body));
      }
      if (req.method === 'GET' && url.pathname === '/m/licence') return send(200, 'text/html; charset=utf-8', phonePage(url));
      if (req.method === 'POST' && url.pathname === '/m/licence/scan') {
        const f = await readForm(req);
        const answer = await scan(f.ticket, f.person, f.uscc, f.role);
        if (answer.status !== 200) return send(200, 'text/html; charset=utf-8', page('<h1>二维码已失效</h1><p>请在电脑上刷新二维码后重新扫码。</p>'));
        return send(200, 'text/html; charset=utf-8', askPage(f.ticket));
      }
      if (req.method === 'POST' && url.pathname === '/m/licence/decide') {
        const f = await readForm(req);
        const answer = await decide(f.ticket, f.decision === 'confirm');
        const refused = answer.status === 200 && JSON.parse(answer.body).state === 'refused' && f.decision === 'confirm';
        const text = answer.status !== 200 ? '二维码已失效，请在电脑上刷新二维码。' : f.decision !== 'confirm' ? '已拒绝本次登录。' : refused ? '平台拒绝了本次登录，请查看电脑上的说明。' : '已确认，请回到电脑继续。';
        return send(200, 'text/html; charset=utf-8', page(`<h1>${text}</h1>`));
      }
      if (req.method === 'GET' && url.pathname === '/') return send(200, 'text/html; charset=utf-8', page(`<h1>${SIMULATION_NAME}</h1><p>${opts.data.licences.length} 份模拟执照。</p>`));
      send(404, 'text/plain', 'not found');
    } catch (err) {
      log(`error: ${err instanceof Error ? err.message : String(err)}`);
      send(400, 'text/plain', 'bad request');
    }
  });

  return {
    name: SIMULATION_NAME,
    sent,
    scan,
    confirm: (ticket) => decide(ticket, true),
    refuse: (ticket) => decide(ticket, false),
    /** The ticket of a login id (what the QR code would carry), for tests. */
    ticketOf: (loginId) => [...logins].find(([, l]) => l.loginId === loginId)?.[0] ?? null,
    async listen(port = 0, host = '127.0.0.1') {
      await new Promise((resolve) => server.listen(port, host, resolve));
      const address = server.address();
      origin ??= `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
      log(`listening on ${origin} (simulation: not the national e-licence service)`);
      return `http://127.0.0.1:${address.port}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

export const loadLicences = (file) => JSON.parse(readFileSync(file, 'utf8'));
