import { describe, expect, it } from 'vitest';
import { SingleFlight } from './single-flight';

describe('SingleFlight', () => {
  it('joins a call to the run under way for its key, and starts anew once it ended, even after a failure', async () => {
    const flight = new SingleFlight<number>();
    let starts = 0;
    let release!: (n: number) => void;
    const start = () => {
      starts++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const a = flight.run('k', start);
    const b = flight.run('k', start);
    expect(flight.has('k')).toBe(true);
    release(7);
    expect(await Promise.all([a, b])).toEqual([7, 7]);
    expect(starts).toBe(1);
    expect(flight.has('k')).toBe(false);
    await expect(flight.run('k', () => Promise.reject(new Error('line dropped')))).rejects.toThrow('line dropped');
    expect(await flight.run('k', async () => 8)).toBe(8);
  });
});
