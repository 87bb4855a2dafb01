/** Time as the server sees it; tests move it forward to prove expiries instead of sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const isoAt = (d: Date) => d.toISOString();
export const addSeconds = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);
