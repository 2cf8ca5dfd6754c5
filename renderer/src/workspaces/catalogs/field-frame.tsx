import type { ReactNode } from 'react';

/**
 * A label, a control, its errors and its hint, tied together for screen readers (the control gets
 * `${id}-error` and `${id}-hint` through aria-describedby, set by the caller with describedBy()).
 */
export function FieldFrame(props: {
  id: string;
  label: string;
  errors?: readonly string[] | undefined;
  hint?: string;
  children: ReactNode;
  className?: string;
}) {
  const { id, label, errors = [], hint, children, className } = props;
  return (
    <div className={`${errors.length > 0 ? 'field field-invalid' : 'field'}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {errors.length > 0 && (
        <div id={`${id}-error`} className="field-error" role="alert">
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export function describedBy(
  id: string,
  errors: readonly string[] | undefined,
  hint?: string,
): { 'aria-describedby'?: string; 'aria-invalid'?: true } {
  const ids = [errors && errors.length > 0 ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return { ...(ids ? { 'aria-describedby': ids } : {}), ...(errors && errors.length > 0 ? { 'aria-invalid': true as const } : {}) };
}
