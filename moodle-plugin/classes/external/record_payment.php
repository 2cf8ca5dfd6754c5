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
use local_shopbackoffice\local\bill_writer;

/**
 * local_shopbackoffice_record_payment: an offline payment (check or transfer); the bill's status follows the
 * amounts (docs/shop-api.md).
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class record_payment extends write_base {
    /**
     * Parameters.
     *
     * @return external_function_parameters
     */
    public static function execute_parameters(): external_function_parameters {
        return new external_function_parameters([
            'clientmutationid' => structures::client_mutation_id(),
            'billid' => new external_value(PARAM_INT, 'Bill id'),
            'payment' => new external_single_structure([
                'amountcents' => new external_value(PARAM_INT, 'Amount in cents, > 0'),
                'currency' => new external_value(PARAM_ALPHA, "Currency, the bill's"),
                'paymode' => new external_value(PARAM_ALPHA, 'check or transfer'),
                'paidon' => new external_value(PARAM_INT, 'Payment date'),
                'reference' => new external_value(PARAM_TEXT, 'Check number or transfer reference, 0 to 100 characters',
                    VALUE_DEFAULT, ''),
            ], 'The payment received'),
        ]);
    }

    /**
     * Records the payment.
     *
     * @param string $clientmutationid
     * @param int $billid
     * @param array $payment
     * @return array
     */
    public static function execute($clientmutationid, $billid, $payment): array {
        return self::write_once(['clientmutationid' => $clientmutationid, 'billid' => $billid, 'payment' => $payment],
            fn(array $p) => bill_writer::record_payment((int) $p['billid'], $p['payment']));
    }

    /**
     * Returns.
     *
     * @return external_single_structure
     */
    public static function execute_returns(): external_single_structure {
        return structures::bill_answer(['paymentid' => new external_value(PARAM_INT, 'Id of the new payment')]);
    }
}
