import { useEffect, useId, useRef, useState } from 'react';
import type { Participant, PastedRows } from '../../../../shared/production/participants';
import { parsePastedParticipants } from '../../../../shared/production/participants';
import { useAction } from '../../actions/use-action';
import { useApi } from '../../api/api-context';
import { uploadFile } from '../../api/upload-file';
import { ErrorNotice } from '../../errors/error-notice';
import { useT } from '../../i18n/i18n-context';

interface Props {
  participants: Participant[];
  seats: number;
  onChange(participants: Participant[]): void;
  onReset(): void;
}

/**
 * The learners and tutors of a session, one seat each: a table of inputs (Tab moves through it), rows added
 * or removed by buttons, and rows pasted from a spreadsheet, read by the same parser as the core's checks.
 * Pasting into the table itself (several lines copied from a sheet) adds the rows too, and so does the
 * spreadsheet the customer sent (XLSX or CSV, read by the core the same way).
 */
export function ParticipantGrid({ participants, seats, onChange, onReset }: Props) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [notes, setNotes] = useState<string[]>([]);
  const reading = useAction();
  // The rows as they are now: a file read answers later, and edits made meanwhile must stay.
  const latest = useRef(participants);
  useEffect(() => {
    latest.current = participants;
  }, [participants]);

  const update = (index: number, change: Partial<Participant>) =>
    onChange(participants.map((p, i) => (i === index ? { ...p, ...change } : p)));
  const take = (read: PastedRows, mode: 'append' | 'replace') => {
    onChange(mode === 'append' ? [...latest.current, ...read.participants] : read.participants);
    setNotes([
      t('production.paste.read', { count: read.participants.length }),
      ...read.skipped.map((s) => t(`production.paste.skipped.${s.reason}`, { line: s.line })),
    ]);
  };
  const readPaste = (text: string, mode: 'append' | 'replace') => {
    take(parsePastedParticipants(text), mode);
    setPasted('');
  };
  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    await reading.run(async () => {
      try {
        const upload = await uploadFile(api, file);
        take(await api.invoke('production.readParticipants', { source: { upload } }), 'append');
      } finally {
        // The same file picked again (after correcting it) must fire a change.
        input.value = '';
      }
    });
  };

  return (
    <section className="detail-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('production.participants')}</h3>
      <table
        className="data-table participant-grid"
        onPaste={(event) => {
          const text = event.clipboardData.getData('text/plain');
          // One value into one cell is an ordinary paste; rows from a spreadsheet become participants.
          if (!/[\t\n]/.test(text.trim())) return;
          event.preventDefault();
          readPaste(text, 'append');
        }}
      >
        <caption>{t('production.participants.count', { count: participants.length, seats })}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('production.participants.firstname')}</th>
            <th scope="col">{t('production.participants.lastname')}</th>
            <th scope="col">{t('production.participants.email')}</th>
            <th scope="col">{t('production.participants.role')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('production.col.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p, index) => {
            const row = index + 1;
            const label = (
              key:
                | 'production.participants.firstname'
                | 'production.participants.lastname'
                | 'production.participants.email'
                | 'production.participants.role',
            ) => `${t(key)} ${row}`;
            return (
              <tr key={index}>
                <td>{row}</td>
                <td>
                  <input
                    aria-label={label('production.participants.firstname')}
                    value={p.firstname}
                    onChange={(e) => update(index, { firstname: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={label('production.participants.lastname')}
                    value={p.lastname}
                    onChange={(e) => update(index, { lastname: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="email"
                    spellCheck={false}
                    aria-label={label('production.participants.email')}
                    value={p.email}
                    onChange={(e) => update(index, { email: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={label('production.participants.role')}
                    value={p.role}
                    onChange={(e) => update(index, { role: e.target.value === 'tutor' ? 'tutor' : 'learner' })}
                  >
                    <option value="learner">{t('production.participants.learner')}</option>
                    <option value="tutor">{t('production.participants.tutor')}</option>
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-quiet icon-button"
                    aria-label={t('production.participants.remove', { row })}
                    title={t('production.participants.remove', { row })}
                    onClick={() => onChange(participants.filter((_, i) => i !== index))}
                  >
                    <span aria-hidden="true">✕</span> <span className="icon-button-text">{t('production.participants.removeShort')}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => onChange([...participants, { firstname: '', lastname: '', email: '', role: 'learner' }])}
        >
          {t('production.participants.add')}
        </button>
        <button type="button" className="button button-quiet" onClick={onReset}>
          {t('production.participants.reset')}
        </button>
      </p>
      <div className="field">
        <label htmlFor={`${id}-paste`}>{t('production.paste.label')}</label>
        <textarea
          id={`${id}-paste`}
          className="paste-area"
          rows={4}
          spellCheck={false}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
        />
      </div>
      <p className="form-actions">
        <button type="button" className="button" disabled={pasted.trim() === ''} onClick={() => readPaste(pasted, 'append')}>
          {t('production.paste.append')}
        </button>
        <button type="button" className="button" disabled={pasted.trim() === ''} onClick={() => readPaste(pasted, 'replace')}>
          {t('production.paste.replace')}
        </button>
      </p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('production.file.label')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlsx,.csv,.txt,text/csv"
          disabled={reading.busy}
          onChange={(event) => void readFile(event.currentTarget)}
        />
        {reading.busy && <p role="status">{t('production.file.reading')}</p>}
      </div>
      {reading.error && <ErrorNotice error={reading.error} />}
      {notes.length > 0 && (
        <ul className="muted participant-notes" aria-live="polite">
          {notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
