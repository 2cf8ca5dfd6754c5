/**
 * A match's code, as the lettering columns of accounting software write it (EcritureLet): A, B, … Z, AA, AB …
 * from the match's id, so the XLSX, the FEC written back and the window show the same code.
 */
export function matchCode(id: number): string {
  let n = id;
  let code = '';
  while (n > 0) {
    n -= 1;
    code = String.fromCharCode(65 + (n % 26)) + code;
    n = Math.floor(n / 26);
  }
  return code;
}
