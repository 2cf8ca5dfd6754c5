import { conformanceCli } from './cli';

/**
 * `npm run conformance -- --url <site> --token <token> [--only <text>] [--token-without-capability <token>]`:
 * docs/shop-api.md checked against a live site seeded with the demo data (see cli.ts).
 */
process.exitCode = await conformanceCli(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
