import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { GridSearch } from './grid-search';

function Search({ onToTable }: { onToTable(): void }) {
  const [value, setValue] = useState('');
  const ref = createRef<HTMLInputElement>();
  return (
    <GridSearch
      id="bills-search"
      label="Search bills"
      placeholder="Number, customer, email…"
      value={value}
      onChange={setValue}
      inputRef={ref}
      onToTable={onToTable}
    />
  );
}

describe('the search above a grid', () => {
  it('is named for screen readers, keeps what is typed, and goes down to the rows on ArrowDown only', async () => {
    const user = userEvent.setup();
    const onToTable = vi.fn();
    render(<Search onToTable={onToTable} />);
    const field = screen.getByRole('searchbox', { name: 'Search bills' });
    expect(field.getAttribute('placeholder')).toBe('Number, customer, email…');
    await user.type(field, 'Dupré');
    expect((field as HTMLInputElement).value).toBe('Dupré');
    expect(onToTable).not.toHaveBeenCalled();
    await user.keyboard('{ArrowDown}');
    expect(onToTable).toHaveBeenCalledTimes(1);
    await user.keyboard('{ArrowUp}');
    expect(onToTable).toHaveBeenCalledTimes(1);
  });
});
