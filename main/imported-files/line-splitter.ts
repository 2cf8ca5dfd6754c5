/**
 * Cuts text into lines as it arrives, chunk by chunk, so a file is never held whole. A line ends with LF
 * (a CR just before it is dropped: Windows' CRLF), or with CR alone in a file whose first line ends so (the
 * line ends of old Mac software). The choice is made once, on the first line end, so a stray CR inside a
 * line of an LF file stays in its line. Every physical line counts, empty ones too: line numbers are the
 * ones an editor shows.
 */
export class LineSplitter {
  private carry = '';
  private mode: 'lf' | 'cr' | null = null;
  private line = 0;

  constructor(private readonly onLine: (text: string, line: number) => void) {}

  /** CR alone or LF, once the first line end is seen; null while the text read has none. */
  get lineEnds(): 'lf' | 'cr' | null {
    return this.mode;
  }

  push(text: string): void {
    if (text === '') return;
    if (this.mode === null) {
      this.carry += text;
      const lf = this.carry.indexOf('\n');
      const cr = this.carry.indexOf('\r');
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        // A CR at the very end of what arrived: its LF may be the next chunk's first character.
        if (cr + 1 === this.carry.length) return;
        this.mode = this.carry[cr + 1] === '\n' ? 'lf' : 'cr';
      } else if (lf >= 0) this.mode = 'lf';
      else return;
      text = this.carry;
      this.carry = '';
    }
    const end = this.mode === 'lf' ? '\n' : '\r';
    let at = text.indexOf(end);
    if (at < 0) {
      this.carry += text;
      return;
    }
    this.emit(this.carry + text.slice(0, at));
    this.carry = '';
    let from = at + 1;
    while ((at = text.indexOf(end, from)) >= 0) {
      this.emit(text.slice(from, at));
      from = at + 1;
    }
    this.carry = text.slice(from);
  }

  /** The last line, when the text does not end with a line end. */
  end(): void {
    if (this.carry !== '') this.emit(this.carry);
    this.carry = '';
  }

  private emit(text: string): void {
    this.line += 1;
    this.onLine(this.mode !== 'cr' && text.endsWith('\r') ? text.slice(0, -1) : text, this.line);
  }
}
