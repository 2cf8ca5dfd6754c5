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
 * Scans local_shop's tables for changes made outside the plugin now, and prints what each scan found and cost.
 * The scheduled task does the same every minute; this is for an administrator checking why a change has not
 * reached the back-office, and for measuring the cost of the tracking.
 *
 * Usage: php local/shopbackoffice/cli/track_changes.php [--entity=bills] [--repeat=N]
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

define('CLI_SCRIPT', true);

require(__DIR__ . '/../../../config.php');
require_once($CFG->libdir . '/clilib.php');

use local_shopbackoffice\local\entities;
use local_shopbackoffice\local\tracker;

[$options, $unrecognised] = cli_get_params(['entity' => '', 'repeat' => 1, 'help' => false], ['h' => 'help']);
if ($unrecognised) {
    cli_error('Unknown options: ' . implode(', ', $unrecognised));
}
if ($options['help']) {
    echo "Scans local_shop's tables for changes made outside the back-office, and prints one JSON line per entity
with the changes found and the milliseconds the scan took.

Options:
  --entity=NAME  only this entity (" . implode(', ', entities::SERVED) . ")
  --repeat=N     scan N times (the first finds the changes, the next ones measure a scan with nothing changed)
  -h, --help     this help
";
    exit(0);
}
$selected = $options['entity'] === '' ? entities::SERVED : [$options['entity']];
foreach ($selected as $entity) {
    if (!entities::is_served($entity)) {
        cli_error("Unknown entity {$entity}: one of " . implode(', ', entities::SERVED));
    }
}
$records = fn(string $entity) => $DB->count_records(entities::table($entity));
for ($i = 0; $i < max(1, (int) $options['repeat']); $i++) {
    foreach ($selected as $entity) {
        $started = microtime(true);
        $changes = tracker::scan_if_due($entity, true);
        echo json_encode(['entity' => $entity, 'records' => $records($entity), 'changes' => $changes,
            'ms' => round((microtime(true) - $started) * 1000, 1)]) . "\n";
    }
}
