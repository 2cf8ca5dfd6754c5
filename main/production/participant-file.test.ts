import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/create-core';
import { silentLogger } from '../core/logger';

let dir: string;
let core: Core;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-participants-'));
  core = createCore({ dataDir: dir, mode: 'cli', version: 'test', logger: silentLogger });
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The file as a window sends it: staged through uploads.*, then read by its upload id. */
async function readAsUploaded(name: string, bytes: Buffer) {
  const uploads = core.services.uploads;
  const { id } = uploads.begin(name, bytes.length);
  uploads.append(id, 0, bytes);
  const result = await core.dispatch('production.readParticipants', { source: { upload: id } }, { transport: 'internal' });
  return { result, staged: fs.existsSync(path.join(core.services.dataDir.uploadsDir, id)) };
}

describe('a participants file', () => {
  it('is read from the first sheet of a workbook, by the columns its header names', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Inscrits');
    sheet.addRow(['Nom', 'Prénom', 'Courriel', 'Rôle']);
    sheet.addRow(['Morel', 'Hélène', 'Helene.Morel@Lumiere.example', 'apprenante']);
    sheet.addRow(['Faure', 'Camille', { text: 'camille@f.example', hyperlink: 'mailto:camille@f.example' }, 'Formateur']);
    // Row 4 left empty, as people leave them.
    sheet.getRow(5).values = ['Sans', 'Courriel', '', ''];
    sheet.getRow(6).values = ['Roux', 'Zoé', 'zoe@r.example', 'manager'];
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { result, staged } = await readAsUploaded('inscrits.xlsx', bytes);
    expect(result).toMatchObject({
      ok: true,
      value: {
        format: 'xlsx',
        participants: [
          { firstname: 'Hélène', lastname: 'Morel', email: 'Helene.Morel@Lumiere.example', role: 'learner' },
          { firstname: 'Camille', lastname: 'Faure', email: 'camille@f.example', role: 'tutor' },
        ],
        skipped: [
          { line: 5, reason: 'no_email' },
          { line: 6, reason: 'unknown_role' },
        ],
      },
    });
    // Read once: the staged copy is gone.
    expect(staged).toBe(false);
  });

  it('is read from a CSV in Windows-1252 with quoted cells', async () => {
    const text = 'Prénom;Nom;E-mail\r\n"Noël";"Garnier; jr";noel@g.example\r\nInès;Bernard;ines@b.example\r\n';
    const { result } = await readAsUploaded('inscrits.csv', Buffer.from(text, 'latin1'));
    expect(result).toMatchObject({
      ok: true,
      value: {
        format: 'csv',
        participants: [
          { firstname: 'Noël', lastname: 'Garnier; jr', email: 'noel@g.example', role: 'learner' },
          { firstname: 'Inès', lastname: 'Bernard', email: 'ines@b.example', role: 'learner' },
        ],
        skipped: [],
      },
    });
  });

  it('that is neither a workbook nor text is refused with what to do', async () => {
    const { result, staged } = await readAsUploaded(
      'photo.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'production_file_unreadable', message: expect.stringMatching(/XLSX or CSV/) },
    });
    expect(staged).toBe(false);
    const broken = await readAsUploaded('broken.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
    expect(broken.result).toMatchObject({ ok: false, error: { code: 'production_file_unreadable' } });
  });

  it('is read from a path only for the command line: a window names its uploads', async () => {
    const file = path.join(dir, 'inscrits.csv');
    fs.writeFileSync(file, 'Zoé Roux;zoe@r.example;tuteur\n');
    const read = (source: { file: string }, transport: 'http' | 'ipc' | 'cli') =>
      core.dispatch('production.readParticipants', { source }, { transport });
    expect(await read({ file }, 'cli')).toMatchObject({ ok: true, value: { participants: [{ lastname: 'Roux', role: 'tutor' }] } });
    for (const transport of ['http', 'ipc'] as const) {
      expect(await read({ file }, transport)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(/uploads\.begin/) },
      });
    }
    expect(await read({ file: 'inscrits.csv' }, 'cli')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/absolute/) },
    });
  });
});
