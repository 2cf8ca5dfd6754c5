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

namespace local_shopbackoffice\external;

use core_external\external_function_parameters;
use core_external\external_single_structure;
use core_external\external_value;
use local_shopbackoffice\local\catalog_writer;

/**
 * local_shopbackoffice_delete_category: a versioned delete (docs/shop-api.md); the answer carries no record.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class delete_category extends write_base {
    /**
     * Parameters.
     *
     * @return external_function_parameters
     */
    public static function execute_parameters(): external_function_parameters {
        return new external_function_parameters([
            'clientmutationid' => structures::client_mutation_id(),
            'id' => new external_value(PARAM_INT, 'Id of the record to delete'),
            'baseversion' => structures::base_version(),
        ]);
    }

    /**
     * Deletes.
     *
     * @param string $clientmutationid
     * @param int $id
     * @param int $baseversion
     * @return array
     */
    public static function execute($clientmutationid, $id, $baseversion): array {
        return self::write_once(['clientmutationid' => $clientmutationid, 'id' => $id, 'baseversion' => $baseversion],
            fn(array $p) => catalog_writer::delete_category((int) $p['id'], (int) $p['baseversion']));
    }

    /**
     * Returns.
     *
     * @return external_single_structure
     */
    public static function execute_returns(): external_single_structure {
        return structures::versioned_answer(null);
    }
}
