/**
 * Builds `window.tongban` from the method names alone, without zod: the renderer's start-up bundle needs the shape
 * of the API, not its schemas (those run in main and the host). client-api.test.ts keeps the names in step with
 * `clientMethods`.
 */
import type { Result } from './result';
import type { ClientEvents, ClientMethodName, TongbanClientApi } from './client-api';

export const CLIENT_METHOD_NAMES = {
  app: ['info', 'logTail', 'checkServer'],
  settings: ['get', 'update', 'addDriver', 'removeDriver', 'managed'],
  tokens: ['list', 'diagnose', 'cancel', 'lastUsed'],
  auth: ['captcha', 'login', 'loginWithKey', 'confirmRenewal', 'changePassword', 'logout', 'session', 'elicenceStart', 'elicenceState'],
  registration: ['printForms', 'submit', 'resendCode', 'confirm', 'checkKey'],
  serviceItems: ['list'],
  subsidy: ['list', 'get', 'create', 'saveDraft', 'submit', 'withdraw', 'timeline', 'printForm', 'printCopy'],
  disbursement: [
    'list',
    'get',
    'setEmploymentCertificate',
    'setPayee',
    'listBankAccounts',
    'createBankAccount',
    'updateBankAccount',
    'removeBankAccount',
    'listContacts',
    'createContact',
    'updateContact',
    'removeContact',
    'receiptPdf',
    'createReceiptLink',
    'receiptLinkStatus',
    'submitReceipt',
    'downloadFile',
  ],
  accounts: ['list', 'create', 'setPermissions', 'setStatus', 'resetPassword', 'remove', 'history', 'elicencePersons', 'certificates', 'bindCertificate', 'unbindCertificate'],
  recovery: ['start', 'verify', 'setPassword'],
  profile: ['get', 'startContactChange', 'confirmContactChange'],
  outbox: ['list'],
  uploads: ['start', 'append', 'send', 'resume', 'list', 'discard'],
  legacy: ['login', 'me', 'upgrade', 'history'],
  beijing: ['sendCode', 'register', 'login', 'profile', 'certify', 'yztLogin', 'requestUnbinding', 'yztPasswordCode', 'yztPasswordReset', 'logout'],
  preRegistration: ['printForms', 'submit', 'status', 'forget'],
  accountRequests: ['submit', 'status', 'forget', 'list', 'get'],
  rememberedSignIn: ['get', 'forget'],
  filing: ['list', 'get', 'create', 'saveDraft', 'timeline', 'generate', 'sign', 'prepared', 'submit'],
  portals: ['known', 'choose', 'server'],
  drafts: ['load', 'save', 'discard'],
} as const;

/**
 * Builds `window.tongban` over a transport: `invoke('auth.login', input)` and `subscribe(event, listener)`.
 * The preload and the browser-mode bootstrap both use it, so the two cannot drift apart.
 */
export function buildClientApi(transport: {
  invoke(method: ClientMethodName, input: unknown): Promise<Result<unknown>>;
  subscribe(event: keyof ClientEvents, listener: (payload: unknown) => void): () => void;
}): TongbanClientApi {
  const api: Record<string, unknown> = {};
  for (const [feature, methods] of Object.entries(CLIENT_METHOD_NAMES)) {
    const group: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
    for (const method of methods) {
      group[method] = (input: unknown) => transport.invoke(`${feature}.${method}` as ClientMethodName, input ?? {});
    }
    api[feature] = Object.freeze(group);
  }
  api.on = (event: keyof ClientEvents, listener: (payload: unknown) => void) => transport.subscribe(event, listener);
  return Object.freeze(api) as unknown as TongbanClientApi;
}
