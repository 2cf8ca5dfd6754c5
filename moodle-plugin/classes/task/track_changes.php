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

namespace local_shopbackoffice\task;

use local_shopbackoffice\local\entities;
use local_shopbackoffice\local\mutations;
use local_shopbackoffice\local\tracker;

/**
 * Scans every entity for changes made outside the plugin, so that they are stamped close to when they
 * happened; forgets mutation ids past their keeping time.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class track_changes extends \core\task\scheduled_task {
    /**
     * The task's name.
     *
     * @return string
     */
    public function get_name() {
        return get_string('task:trackchanges', 'local_shopbackoffice');
    }

    /**
     * Runs the scans.
     */
    public function execute() {
        foreach (entities::SERVED as $entity) {
            $count = tracker::scan_if_due($entity, true);
            mtrace("  {$entity}: {$count} changes");
        }
        mtrace('  mutation ids forgotten: ' . mutations::purge());
    }
}
