import { useId, useState } from 'react';
import type { Participant } from '../../../../shared/production/participants';
import { parsePastedParticipants } from '../../../../shared/production/participants';
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
 * Pasting into the table itself (several lines copied from a sheet) adds the rows too.
 */
export function ParticipantGrid({ participants, seats, onChange, onReset }: Props) {
  const t = useT();
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [notes, setNotes] = useState<string[]>([]);

  const update = (index: number, change: Partial<Participant>) =>
    onChange(participants.map((p, i) => (i === index ? { ...p, ...change } : p)));
  const readPaste = (text: string, mode: 'append' | 'replace') => {
    const read = parsePastedParticipants(text);
    onChange(mode === 'append' ? [...participants, ...read.participants] : read.participants);
    setNotes([
      t('production.paste.read', { count: read.participants.length }),
      ...read.skipped.map((s) =>
        t(s.reason === 'no_email' ? 'production.paste.skipped.no_email' : 'production.paste.skipped.unknown_role', { line: s.line }),
      ),
    ]);
    setPasted('');
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
                    className="button button-quiet"
                    onClick={() => onChange(participants.filter((_, i) => i !== index))}
                  >
                    {t('production.participants.remove', { row })}
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
      {notes.length > 0 && (
        <ul className="muted" aria-live="polite">
          {notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
