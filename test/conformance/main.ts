import { conformanceCli } from './cli';

/**
 * `npm run conformance -- --url <site> --token <token> [--only <text>] [--token-without-capability <token>]`:
 * docs/shop-api.md checked against a live site seeded with the demo data (see cli.ts). The tokens may come
 * from SHOP_TOKEN and SHOP_TOKEN_WITHOUT_CAPABILITY instead, so that npm does not print them.
 */
process.exitCode = await conformanceCli(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), process.env);
