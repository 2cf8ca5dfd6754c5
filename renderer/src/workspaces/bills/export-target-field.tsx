import { useCallback } from 'react';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { TextField } from '../../forms/text-field';

/** The data folder, the one folder the app knows exists, for default export paths. */
export function useDataDir(): string | null {
  const api = useApi();
  const load = useCallback(() => api.invoke('app.info', {}), [api]);
  return useQuery(load).value?.dataDir ?? null;
}

interface ExportTargetFieldProps {
  id: string;
  label: string;
  hint: string;
  /** What the operator typed, or null to show the default. */
  value: string | null;
  fallback: string;
  onChange(value: string): void;
  errors?: string[];
}

/**
 * Where an export goes, as an editable absolute path: browser mode has no native file dialog, so a text
 * field prefilled with a default in the data folder stands in for one.
 */
export function ExportTargetField({ id, label, hint, value, fallback, onChange, errors }: ExportTargetFieldProps) {
  return (
    <div className="export-target">
      <TextField
        id={id}
        label={label}
        value={value ?? fallback}
        onChange={onChange}
        hint={hint}
        errors={errors}
        spellCheck={false}
        autoComplete="off"
      />
    </div>
  );
}
