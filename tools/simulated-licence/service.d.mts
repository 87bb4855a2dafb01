/** Types of service.mjs, for the TypeScript tests that start the simulation. */
export const SIMULATION_NAME: 'SimulatedLicenceService';

export interface SimulatedLicenceData {
  persons: { personId: string; name: string; mobile: string }[];
  licences: {
    uscc: string;
    name: string;
    address?: string;
    legalRepresentative: { personId: string; origin: 'mainland' | 'foreign' | 'hongkong' | 'macao' | 'taiwan' };
    managers?: string[];
    agents?: { personId: string; items: string[]; validUntil: string }[];
  }[];
}

export interface SignedMessage {
  payload: string;
  timestamp: number;
  nonce: string;
  signature: string;
}

export interface SimulatedLicenceService {
  name: string;
  sent: { url: string; message: SignedMessage }[];
  scan(ticket: string, personId: string, uscc: string, role: 'legal' | 'manager' | 'agent'): Promise<{ status: number; body: string }>;
  confirm(ticket: string): Promise<{ status: number; body: string }>;
  refuse(ticket: string): Promise<{ status: number; body: string }>;
  ticketOf(loginId: string): string | null;
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export function createSimulatedLicenceService(opts: {
  data: SimulatedLicenceData;
  secret: string;
  now?: () => Date;
  origin?: string;
  deliver?: (url: string, body: SignedMessage) => Promise<{ status: number; body: string }>;
  log?: (line: string) => void;
}): SimulatedLicenceService;

export function signedMessage(secret: string, body: unknown, now: Date): SignedMessage;
export function loadLicences(file: string): SimulatedLicenceData;
