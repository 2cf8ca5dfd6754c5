import type { ReactNode, Ref } from 'react';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  /** Already translated; several when the server found several problems with one value. */
  errors?: readonly string[];
  type?: 'text' | 'url' | 'password';
  required?: boolean;
  autoComplete?: string;
  /** Off for identifiers and secrets, where the spell checker only adds noise. */
  spellCheck?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** A control beside the input, such as the token's show/hide toggle. */
  trailing?: ReactNode;
}

/**
 * A labelled input with its hint and its errors, tied together with aria-describedby so a screen reader
 * reads the error when the field gets focus, and aria-invalid so the form can focus the first wrong field.
 */
export function TextField(props: TextFieldProps) {
  const { id, label, value, onChange, hint, errors = [], type = 'text', required, autoComplete, spellCheck, inputRef, trailing } = props;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = errors.length > 0;
  const describedBy = [invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={invalid ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <div className="field-control">
        <input
          id={id}
          ref={inputRef}
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          required={required}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          autoComplete={autoComplete}
          spellCheck={spellCheck}
          autoCapitalize={spellCheck === false ? 'off' : undefined}
        />
        {trailing}
      </div>
      {invalid && (
        <div id={errorId} className="field-error">
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
