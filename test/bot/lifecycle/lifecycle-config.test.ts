import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#bot/config.ts';
import { offsetClock } from '#bot/lifecycle/offset-clock.ts';

describe('lifecycle configuration', () => {
  it.each([
    [{}, 3_600_000, 0],
    [{ SWEEP_INTERVAL_MINUTES: '0' }, 0, 0],
    [{ SWEEP_INTERVAL_MINUTES: '5', CLOCK_OFFSET_DAYS: '200' }, 300_000, 200],
  ])('%j → sweep every %s ms, clock moved %s days', (env, intervalMs, offsetDays) => {
    const config = loadConfig(env);
    expect(config.sweepIntervalMs).toBe(intervalMs);
    expect(config.clockOffsetDays).toBe(offsetDays);
  });

  it.each([{ SWEEP_INTERVAL_MINUTES: '-1' }, { SWEEP_INTERVAL_MINUTES: 'hourly' }, { CLOCK_OFFSET_DAYS: 'soon' }])(
    'refuses %j, naming the variable',
    (env) => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(Object.keys(env)[0] ?? '');
    },
  );

  it('moves the clock by whole days', () => {
    const moved = offsetClock(3).now().getTime() - Date.now();
    expect(Math.round(moved / 86_400_000)).toBe(3);
  });
});
