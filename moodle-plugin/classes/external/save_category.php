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
 * local_shopbackoffice_save_category: creates or updates a catalog category (docs/shop-api.md).
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class save_category extends write_base {
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
            'category' => new external_single_structure([
                'id' => new external_value(PARAM_INT, 'Category id, 0 to create'),
                'catalogid' => $opt(PARAM_INT, 'Catalog id'),
                'parentid' => $opt(PARAM_INT, 'Parent category id, 0 at the root'),
                'name' => $opt(PARAM_TEXT, 'Name, 1 to 255 characters'),
                'description' => $opt(PARAM_RAW, 'Description (HTML)'),
                'sortorder' => $opt(PARAM_INT, 'Sort order'),
                'visible' => $opt(PARAM_BOOL, 'Visible'),
                'seoalias' => $opt(PARAM_TEXT, 'SEO alias'),
            ], 'The category'),
        ]);
    }

    /**
     * Saves.
     *
     * @param string $clientmutationid
     * @param int $baseversion
     * @param array $category
     * @return array
     */
    public static function execute($clientmutationid, $baseversion, $category): array {
        return self::write_once(['clientmutationid' => $clientmutationid, 'baseversion' => $baseversion, 'category' => $category],
            function(array $p) {
                $given = self::given($p['category'], ['visible']);
                $current = $given['id'] ? records::one('categories', (int) $given['id']) : null;
                return catalog_writer::save_category((int) $p['baseversion'],
                    versioned::filled($given, $current, catalog_writer::CATEGORY_DEFAULTS));
            });
    }

    /**
     * Returns.
     *
     * @return external_single_structure
     */
    public static function execute_returns(): external_single_structure {
        return structures::versioned_answer('categories');
    }
}
