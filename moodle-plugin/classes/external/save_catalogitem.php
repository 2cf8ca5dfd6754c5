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
use core_external\external_multiple_structure;
use core_external\external_single_structure;
use core_external\external_value;
use local_shopbackoffice\local\catalog_item_writer;
use local_shopbackoffice\local\records;
use local_shopbackoffice\local\versioned;

/**
 * local_shopbackoffice_save_catalogitem: creates or updates a catalog item (docs/shop-api.md).
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class save_catalogitem extends write_base {
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
            'item' => new external_single_structure([
                'id' => new external_value(PARAM_INT, 'Item id, 0 to create'),
                'catalogid' => $opt(PARAM_INT, 'Catalog id'),
                'categoryid' => $opt(PARAM_INT, 'Category id'),
                'code' => $opt(PARAM_TEXT, 'Code, unique in the catalog'),
                'shortname' => $opt(PARAM_TEXT, 'Short name'),
                'name' => $opt(PARAM_TEXT, 'Name'),
                'idnumber' => $opt(PARAM_TEXT, 'ID number'),
                'description' => $opt(PARAM_RAW, 'Description (HTML)'),
                'notes' => $opt(PARAM_RAW, 'Notes (HTML)'),
                'eula' => $opt(PARAM_RAW, 'Terms (HTML)'),
                'prices' => new external_multiple_structure(structures::price_tier(),
                    '1 to 5 price tiers, quantities strictly increasing from 1', VALUE_OPTIONAL),
                'taxcode' => $opt(PARAM_INT, 'Tax id'),
                'stock' => $opt(PARAM_INT, 'Stock'),
                'status' => $opt(PARAM_ALPHA, 'PREVIEW, AVAILABLE, AVAILABLEINTERNAL, SUSPENDED, PROVIDING or ABANDONED'),
                'maxdeliveryquant' => $opt(PARAM_INT, 'Maximum quantity per order'),
                'onlyforloggedin' => $opt(PARAM_BOOL, 'Only for logged in users'),
                'seatmode' => $opt(PARAM_BOOL, 'Quantity means seats with named participants'),
                'renewable' => $opt(PARAM_BOOL, 'Renewable'),
                'type' => $opt(PARAM_ALPHA, 'plain, set or bundle'),
                'setid' => $opt(PARAM_INT, 'Set or bundle id, 0 if none'),
                'requireddata' => $opt(PARAM_RAW, 'JSON array of required field descriptions'),
                'enablehandler' => $opt(PARAM_TEXT, "Product handler name, '' for none"),
                'handlerparams' => $opt(PARAM_RAW, 'Handler parameters, k1=v1&k2=v2 as local_shop reads them, nothing encoded'),
            ], 'The catalog item'),
        ]);
    }

    /**
     * Saves.
     *
     * @param string $clientmutationid
     * @param int $baseversion
     * @param array $item
     * @return array
     */
    public static function execute($clientmutationid, $baseversion, $item): array {
        return self::write_once(['clientmutationid' => $clientmutationid, 'baseversion' => $baseversion, 'item' => $item],
            function(array $p) {
                $given = self::given($p['item'], ['onlyforloggedin', 'seatmode', 'renewable']);
                $current = $given['id'] ? records::one('catalogitems', (int) $given['id']) : null;
                return catalog_item_writer::save((int) $p['baseversion'],
                    versioned::filled($given, $current, catalog_item_writer::DEFAULTS));
            });
    }

    /**
     * Returns.
     *
     * @return external_single_structure
     */
    public static function execute_returns(): external_single_structure {
        return structures::versioned_answer('catalogitems');
    }
}
