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

/**
 * The versioned deletes of docs/shop-api.md (catalogs, categories, catalog items): one declaration; each
 * function is a subclass naming what it deletes. The answer carries no record.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
abstract class delete_base extends write_base {
    /**
     * Deletes the record, in the write's transaction.
     *
     * @param int $id
     * @param int $baseversion
     * @return array the versioned answer
     */
    abstract protected static function delete(int $id, int $baseversion): array;

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
            fn(array $p) => static::delete((int) $p['id'], (int) $p['baseversion']));
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
