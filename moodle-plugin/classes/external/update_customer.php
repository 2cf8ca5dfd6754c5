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
use local_shopbackoffice\local\customer_writer;
use local_shopbackoffice\local\records;
use local_shopbackoffice\local\versioned;

/**
 * local_shopbackoffice_update_customer: a customer's identity and addresses (docs/shop-api.md).
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class update_customer extends write_base {
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
            'customer' => new external_single_structure([
                'id' => new external_value(PARAM_INT, 'Customer id'),
                'firstname' => $opt(PARAM_TEXT, 'First name'),
                'lastname' => $opt(PARAM_TEXT, 'Last name'),
                // Text rather than PARAM_EMAIL: a malformed address is invalidemail (shown on the field), not invalidparameter.
                'email' => $opt(PARAM_TEXT, 'Email'),
                'address' => $opt(PARAM_TEXT, 'Address'),
                'zip' => $opt(PARAM_TEXT, 'Zip code'),
                'city' => $opt(PARAM_TEXT, 'City'),
                'country' => $opt(PARAM_TEXT, 'Country code'),
                'organisation' => $opt(PARAM_TEXT, 'Organisation'),
                'invoiceinfo' => $opt(PARAM_RAW, 'Invoicing identity (JSON)'),
            ], 'The customer'),
        ]);
    }

    /**
     * Updates.
     *
     * @param string $clientmutationid
     * @param int $baseversion
     * @param array $customer
     * @return array
     */
    public static function execute($clientmutationid, $baseversion, $customer): array {
        return self::write_once(['clientmutationid' => $clientmutationid, 'baseversion' => $baseversion, 'customer' => $customer],
            function(array $p) {
                $given = $p['customer'];
                $current = records::one('customers', (int) $given['id']);
                return customer_writer::update((int) $p['baseversion'],
                    versioned::filled($given, $current, customer_writer::DEFAULTS));
            });
    }

    /**
     * Returns.
     *
     * @return external_single_structure
     */
    public static function execute_returns(): external_single_structure {
        return structures::versioned_answer('customers');
    }
}
