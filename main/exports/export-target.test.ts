import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFileTarget, checkFolderTarget, fileNameFrom, STALE_PART_MS, StagedFiles } from './export-target';

describe('file names from invoice numbers', () => {
  it('keeps letters of any script, digits, dots, hyphens and underscores, and nothing that leaves the folder', () => {
    expect(fileNameFrom('FA-2026-000123', '.pdf')).toBe('FA-2026-000123.pdf');
    expect(fileNameFrom('FA/2026:12 "x"', '.pdf')).toBe('FA_2026_12_x.pdf');
    expect(fileNameFrom('../../etc/passwd', '.pdf')).toBe('etc_passwd.pdf');
    expect(fileNameFrom('Facture Éloïse Δ', '.pdf')).toBe('Facture_Éloïse_Δ.pdf');
    expect(fileNameFrom('CON', '.pdf')).toBe('_CON.pdf');
    expect(fileNameFrom('///', '.pdf')).toBe('invoice.pdf');
  });
});

describe('staged files', () => {
  it('appear under their names only on commit, and vanish on discard', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-staged-'));
    try {
      const staged = new StagedFiles();
      fs.writeFileSync(staged.stage(path.join(dir, 'a.pdf')), 'a');
      expect(fs.readdirSync(dir)).toEqual([expect.stringMatching(/^\.a\.pdf\.[0-9a-f]{8}\.part$/)]);
      expect(staged.commit()).toEqual([path.join(dir, 'a.pdf')]);
      expect(fs.readdirSync(dir)).toEqual(['a.pdf']);
      const cancelled = new StagedFiles();
      fs.writeFileSync(cancelled.stage(path.join(dir, 'b.pdf')), 'b');
      cancelled.stage(path.join(dir, 'never-written.pdf'));
      cancelled.discard();
      expect(fs.readdirSync(dir)).toEqual(['a.pdf']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('what killed exports left behind', () => {
  it('is removed by the next export in that folder once a day old; a recent one and other files stay', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-stale-'));
    try {
      const old = path.join(dir, '.bills.xlsx.0a1b2c3d.part');
      const recent = path.join(dir, '.bills.xlsx.deadbeef.part');
      const theirs = path.join(dir, '.notes.part');
      for (const file of [old, recent, theirs]) fs.writeFileSync(file, 'x');
      const dayAndMinute = (Date.now() - STALE_PART_MS - 60_000) / 1000;
      fs.utimesSync(old, dayAndMinute, dayAndMinute);
      fs.utimesSync(theirs, dayAndMinute, dayAndMinute);
      const staged = new StagedFiles();
      staged.stage(path.join(dir, 'bills.xlsx'));
      expect(fs.readdirSync(dir).sort()).toEqual(['.bills.xlsx.deadbeef.part', '.notes.part']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a path holding a NUL is refused as a path, not an internal error', () => {
    expect(() => checkFileTarget('/tmp/bills\0.xlsx', '.xlsx')).toThrow(expect.objectContaining({ code: 'export_target_invalid' }));
    expect(() => checkFolderTarget('/tmp/\0')).toThrow(expect.objectContaining({ code: 'export_target_invalid' }));
  });
});
