import { useState } from 'react';
import { TextField } from '../../forms/text-field';
import { useT } from '../../i18n/i18n-context';

interface TokenFieldProps {
  id: string;
  value: string;
  onChange(value: string): void;
  hint: string;
  errors?: readonly string[];
  required?: boolean;
}

/**
 * The web service token: masked by default since operators share screens, with a toggle to check what was
 * pasted. The value lives only in the form's state; it is never logged, stored here or put in a URL.
 */
export function TokenField({ id, value, onChange, hint, errors, required }: TokenFieldProps) {
  const t = useT();
  const [shown, setShown] = useState(false);
  return (
    <TextField
      id={id}
      label={t('profileForm.token')}
      type={shown ? 'text' : 'password'}
      value={value}
      onChange={onChange}
      hint={hint}
      errors={errors}
      required={required}
      autoComplete="off"
      spellCheck={false}
      trailing={
        <button
          type="button"
          className="button field-toggle"
          aria-controls={id}
          aria-label={shown ? t('profileForm.hideTokenLabel') : t('profileForm.showTokenLabel')}
          onClick={() => setShown((was) => !was)}
        >
          {shown ? t('profileForm.hideToken') : t('profileForm.showToken')}
        </button>
      }
    />
  );
}
