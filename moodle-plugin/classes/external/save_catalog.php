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
use local_shopbackoffice\local\records;
use local_shopbackoffice\local\versioned;

/**
 * local_shopbackoffice_save_catalog: creates or updates a catalog (docs/shop-api.md). Fields left out keep
 * their current value.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class save_catalog extends write_base {
    /**
     * Parameters.
     *
     * @return external_function_parameters
     */
    public static function execute_parameters(): external_function_parameters {
        $opt = fn($type, $desc) => new external_value($type, $desc, VALUE_OPTIONAL);
        return new external_function_parameters([
            'clientmutationid' => structures::client_mutation_id(),
            'baseversion' => structures::base_version(),
            'catalog' => new external_single_structure([
                'id' => new external_value(PARAM_INT, 'Catalog id, 0 to create'),
                'name' => $opt(PARAM_TEXT, 'Name, 1 to 255 characters'),
                'description' => $opt(PARAM_RAW, 'Description (HTML)'),
                'salesconditions' => $opt(PARAM_RAW, 'Sales conditions (HTML)'),
                'groupid' => $opt(PARAM_INT, '0 standalone, own id master, a master catalog id for a slave'),
                'countryrestrictions' => $opt(PARAM_TEXT, 'Country restrictions'),
                'billfooter' => $opt(PARAM_RAW, 'Bill footer (HTML)'),
            ], 'The catalog'),
        ]);
    }

    /**
     * Saves.
     *
     * @param string $clientmutationid
     * @param int $baseversion
     * @param array $catalog
     * @return array
     */
    public static function execute($clientmutationid, $baseversion, $catalog): array {
        return self::write_once(['clientmutationid' => $clientmutationid, 'baseversion' => $baseversion, 'catalog' => $catalog],
            function(array $p) {
                $given = $p['catalog'];
                $current = $given['id'] ? records::one('catalogs', (int) $given['id']) : null;
                return catalog_writer::save_catalog((int) $p['baseversion'],
                    versioned::filled($given, $current, catalog_writer::CATALOG_DEFAULTS));
            });
    }

    /**
     * Returns.
     *
     * @return external_single_structure
     */
    public static function execute_returns(): external_single_structure {
        return structures::versioned_answer('catalogs');
    }
}
