/**
 * One of several processes writing to one cache at once, as nightly CLI runs and the app do: each
 * transaction reads, then writes (the shape of most of the app's writes). Prints how many it committed;
 * exits 1 on the first error, printing it.
 */
import { openDatabase } from '../../main/db/open';

const [file, who, countText] = process.argv.slice(2);
const db = openDatabase(file!);
const write = db.transaction((n: number) => {
  const seen = db.prepare("SELECT count(*) FROM site_meta WHERE key LIKE 'probe-%'").pluck().get() as number;
  db.prepare('INSERT INTO site_meta (key, value, updated_at) VALUES (?, ?, ?)').run(`probe-${who}-${n}`, String(seen), Date.now());
});
try {
  for (let n = 0; n < Number(countText); n += 1) write(n);
  process.stdout.write(`${countText}\n`);
} catch (error) {
  process.stdout.write(`${(error as { code?: string }).code ?? ''} ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  db.close();
}
