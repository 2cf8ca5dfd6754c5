import { describe, expect, it } from 'vitest';
import { formatDuration, formatRelative, progressBar, runSeconds } from './sync-format';

// Intl puts no-break spaces in some of these; compare with ordinary spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatDuration', () => {
  it('uses at most two units and drops a zero second unit', () => {
    expect(plain(formatDuration(45, 'fr-FR'))).toBe('45 s');
    expect(plain(formatDuration(200, 'fr-FR'))).toBe('3 min 20 s');
    expect(plain(formatDuration(180, 'fr-FR'))).toBe('3 min');
    expect(plain(formatDuration(7500, 'fr-FR'))).toBe('2 h 5 min');
    expect(plain(formatDuration(3600, 'fr-FR'))).toBe('1 h');
  });

  it('speaks English in English and never goes negative', () => {
    expect(plain(formatDuration(200, 'en-GB'))).toBe('3 mins 20 secs');
    expect(plain(formatDuration(-5, 'en-GB'))).toBe('0 secs');
    expect(plain(formatDuration(0.6, 'en-GB'))).toBe('1 sec');
  });
});

describe('formatRelative', () => {
  const now = Date.UTC(2026, 2, 3, 14, 5);

  it('picks the largest sensible unit', () => {
    expect(formatRelative(now - 3 * 60_000, now, 'en-GB')).toBe('3 minutes ago');
    expect(formatRelative(now - 2 * 3600_000, now, 'fr-FR')).toBe('il y a 2 heures');
    expect(formatRelative(now - 26 * 3600_000, now, 'en-GB')).toBe('yesterday');
    expect(formatRelative(now - 400 * 86400_000, now, 'en-GB')).toBe('last year');
  });

  it('reads a few seconds, or a moment ahead of a stale clock, as now', () => {
    expect(formatRelative(now - 4000, now, 'en-GB')).toBe('now');
    expect(formatRelative(now + 4000, now, 'fr-FR')).toBe('maintenant');
    expect(formatRelative(now + 25_000, now, 'en-GB')).toBe('now');
    expect(formatRelative(now - 30_000, now, 'en-GB')).toBe('30 seconds ago');
  });
});

describe('progressBar', () => {
  it('is indeterminate while the total is unknown', () => {
    expect(progressBar(120, null)).toBeNull();
    expect(progressBar(0, 0)).toBeNull();
  });

  it('never overflows when more rows arrive than announced', () => {
    expect(progressBar(250, 1000)).toEqual({ value: 250, max: 1000, ratio: 0.25 });
    expect(progressBar(1100, 1000)).toEqual({ value: 1100, max: 1100, ratio: 1 });
  });
});

describe('runSeconds', () => {
  it('has no duration while running or when interrupted at once', () => {
    expect(runSeconds(1000, null)).toBeNull();
    expect(runSeconds(1000, 1000)).toBeNull();
    expect(runSeconds(1000, 13_500)).toBe(12.5);
  });
});
