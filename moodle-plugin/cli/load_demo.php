<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

/**
 * Loads the back-office's demo data file into local_shop's tables (a demo or test site only).
 *
 * Usage: php local/shopbackoffice/cli/load_demo.php --file=/path/demo.jsonl [--purge]
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

define('CLI_SCRIPT', true);

require(__DIR__ . '/../../../config.php');
require_once($CFG->libdir . '/clilib.php');

[$options, $unrecognised] = cli_get_params(['file' => '', 'purge' => false, 'help' => false], ['f' => 'file', 'h' => 'help']);
if ($unrecognised) {
    cli_error('Unknown options: ' . implode(', ', $unrecognised));
}
if ($options['help'] || $options['file'] === '') {
    echo "Loads a demo data file (npm run demo-data in the back-office's repository) into local_shop's tables.

Options:
  --file=PATH   the demo data file (JSON Lines)
  --purge       empty local_shop's tables and the plugin's first (everything in the shop is lost)
  -h, --help    this help
";
    exit($options['help'] ? 0 : 2);
}
if (!is_readable($options['file'])) {
    cli_error("Cannot read {$options['file']}");
}
\core\session\manager::set_user(get_admin());
if ($options['purge']) {
    \local_shopbackoffice\local\demo_loader::purge();
} else if (\local_shopbackoffice\local\demo_loader::shop_has_data()) {
    cli_error('The shop already has data: the demo keeps its own ids and needs an empty shop. Use --purge on a demo site.');
}
$started = microtime(true);
$loader = new \local_shopbackoffice\local\demo_loader(fn(string $line) => mtrace($line));
$counts = $loader->load($options['file']);
echo json_encode(['counts' => $counts, 'seconds' => round(microtime(true) - $started, 1)]) . "\n";
