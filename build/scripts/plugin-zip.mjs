// npm run plugin:zip: the installable zip of the Moodle plugin in moodle-plugin/ (local_shopbackoffice). A site
// administrator unzips it into the site's local/ folder (it holds one folder, shopbackoffice/) or uploads it
// through Site administration > Plugins > Install plugins, then runs the site's upgrade.
// The zip is refused before it is written when version.php lacks a field Moodle needs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PLUGIN_DIR = path.join(root, 'moodle-plugin');
export const PLUGIN_FOLDER = 'shopbackoffice';

/** The fields of version.php, read as text: PHP need not be installed to build the zip. */
export function readVersion(dir = PLUGIN_DIR) {
  const text = fs.readFileSync(path.join(dir, 'version.php'), 'utf8');
  const field = (name) => text.match(new RegExp(`\\$plugin->${name}\\s*=\\s*([^;]+);`))?.[1]?.trim();
  const version = {
    component: field('component')?.replace(/^'|'$/g, ''),
    version: Number(field('version')),
    requires: Number(field('requires')),
    release: field('release')?.replace(/^'|'$/g, ''),
    maturity: field('maturity'),
    dependencies: field('dependencies'),
  };
  const problems = [
    version.component !== `local_${PLUGIN_FOLDER}` && `component must be local_${PLUGIN_FOLDER}, not ${version.component}`,
    !/^\d{10}$/.test(String(version.version)) && `version must be YYYYMMDDXX, not ${version.version}`,
    !(version.requires >= 2024100700) && `requires must be Moodle 4.5 (2024100700) or later, not ${version.requires}`,
    !version.release && 'release is missing',
    !/MATURITY_(ALPHA|BETA|RC|STABLE)/.test(version.maturity ?? '') && 'maturity is missing',
    !/'local_shop'\s*=>\s*\d{10}/.test(version.dependencies ?? '') && 'dependencies must name local_shop with its version',
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(`moodle-plugin/version.php: ${problems.join('; ')}`);
  return version;
}

function filesOf(dir, base = dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.name.startsWith('.')) return [];
      return entry.isDirectory() ? filesOf(full, base) : [path.relative(base, full)];
    });
}

/** Writes the zip; returns where, its size, its version and the files it holds. */
export async function buildPluginZip({ outDir = path.join(root, 'dist', 'moodle-plugin'), dir = PLUGIN_DIR } = {}) {
  const version = readVersion(dir);
  const zip = new JSZip();
  const files = filesOf(dir);
  for (const file of files) {
    // Fixed dates: the same sources give the same zip.
    zip.file(`${PLUGIN_FOLDER}/${file.split(path.sep).join('/')}`, fs.readFileSync(path.join(dir, file)), {
      date: new Date(Date.UTC(2026, 0, 1)),
    });
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${version.component}-${version.release}-${version.version}.zip`);
  fs.writeFileSync(`${file}.part`, bytes);
  fs.renameSync(`${file}.part`, file);
  return { file, bytes: bytes.length, version, files: files.length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const built = await buildPluginZip();
    console.log(JSON.stringify({ file: built.file, bytes: built.bytes, version: built.version.version, files: built.files }));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
