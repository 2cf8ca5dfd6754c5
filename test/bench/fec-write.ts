import { writeFecFile } from '../support/lettering-fec';

/** `node --import tsx test/bench/fec-write.ts <file> <bytes>`: the bench's FEC, written in its own process. */
const [file, bytes] = process.argv.slice(2);
if (!file || !bytes) throw new Error('Usage: fec-write.ts <file> <bytes>');
const written = await writeFecFile(file, { bytes: Number(bytes) });
process.stdout.write(JSON.stringify(written));
