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
use local_shopbackoffice\local\production_writer;

/**
 * local_shopbackoffice_record_production: what a product handler run by the back-office produced: product
 * instances created or updated, their events, and feedback on the bill, in one transaction.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class record_production extends write_base {
    /**
     * Parameters.
     *
     * @return external_function_parameters
     */
    public static function execute_parameters(): external_function_parameters {
        return new external_function_parameters([
            'clientmutationid' => structures::client_mutation_id(),
            'billid' => new external_value(PARAM_INT, 'Bill id'),
            'billitemid' => new external_value(PARAM_INT, 'The bill line that was produced'),
            // Defaults rather than required lists: a form-encoded request cannot send an empty list at all.
            'products' => new external_multiple_structure(new external_single_structure([
                'id' => new external_value(PARAM_INT, 'Product id, 0 to create'),
                'catalogitemid' => new external_value(PARAM_INT, 'Catalog item id'),
                'customerid' => new external_value(PARAM_INT, 'Customer id'),
                'contexttype' => new external_value(PARAM_TEXT, 'Context type'),
                'instanceid' => new external_value(PARAM_INT, 'Instance id'),
                'startdate' => new external_value(PARAM_INT, 'Start date'),
                'enddate' => new external_value(PARAM_INT, 'End date, 0 for none'),
                'reference' => new external_value(PARAM_TEXT, "Reference, '' to let the server make one", VALUE_DEFAULT, ''),
                'productiondata' => new external_value(PARAM_RAW, 'Production data', VALUE_DEFAULT, ''),
                'extradata' => new external_value(PARAM_RAW, 'Extra data', VALUE_DEFAULT, ''),
            ]), 'Product instances to create or update', VALUE_DEFAULT, []),
            'events' => new external_multiple_structure(new external_single_structure([
                'productindex' => new external_value(PARAM_INT, 'Index of the product in products'),
                'eventtype' => new external_value(PARAM_TEXT, 'Event type'),
                'eventdata' => new external_value(PARAM_RAW, 'Event data', VALUE_DEFAULT, ''),
            ]), 'Product events to append', VALUE_DEFAULT, []),
            'feedback' => new external_value(PARAM_RAW, "Text appended to the bill's production feedback", VALUE_DEFAULT, ''),
        ]);
    }

    /**
     * Records the production.
     *
     * @param string $clientmutationid
     * @param int $billid
     * @param int $billitemid
     * @param array $products
     * @param array $events
     * @param string $feedback
     * @return array
     */
    public static function execute($clientmutationid, $billid, $billitemid, $products = [], $events = [], $feedback = ''): array {
        return self::write_once(['clientmutationid' => $clientmutationid, 'billid' => $billid, 'billitemid' => $billitemid,
            'products' => $products, 'events' => $events, 'feedback' => $feedback],
            fn(array $p) => production_writer::record((int) $p['billid'], (int) $p['billitemid'], $p['products'],
                $p['events'], $p['feedback']));
    }

    /**
     * Returns.
     *
     * @return external_single_structure
     */
    public static function execute_returns(): external_single_structure {
        return structures::bill_answer([
            'productids' => new external_multiple_structure(new external_value(PARAM_INT, 'Product id'),
                'Ids of the products, in the order given'),
            'eventids' => new external_multiple_structure(new external_value(PARAM_INT, 'Event id'),
                'Ids of the events, in the order given'),
        ]);
    }
}
