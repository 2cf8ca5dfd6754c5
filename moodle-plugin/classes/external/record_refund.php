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
use local_shopbackoffice\local\bill_writer;

/**
 * local_shopbackoffice_record_refund: a credit note (facture d'avoir) for all or part of an invoiced bill, numbered
 * in the site's one sequence, and its refund; the bill goes through PAYBACK to CANCELLED, or back to paid
 * (docs/shop-api.md).
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class record_refund extends write_base {
    /**
     * Parameters.
     *
     * @return external_function_parameters
     */
    public static function execute_parameters(): external_function_parameters {
        return new external_function_parameters([
            'clientmutationid' => structures::client_mutation_id(),
            'billid' => new external_value(PARAM_INT, 'Bill id'),
            'creditnote' => new external_single_structure([
                'reason' => new external_value(PARAM_TEXT, 'Why the credit note is issued, 0 to 255 characters', VALUE_DEFAULT, ''),
                'lines' => new external_multiple_structure(new external_single_structure([
                    'billitemid' => new external_value(PARAM_INT, 'The bill line credited'),
                    'quantity' => new external_value(PARAM_INT, 'Quantity credited, for the document', VALUE_DEFAULT, 0),
                    'totalcents' => new external_value(PARAM_INT, "Untaxed amount credited in cents, of the line's sign"),
                ]), 'The lines credited'),
            ], 'The credit note: what is credited, line by line'),
            'refund' => new external_single_structure([
                'amountcents' => new external_value(PARAM_INT, "Amount refunded in cents: the credit note's total"),
                'currency' => new external_value(PARAM_ALPHA, "Currency, the bill's"),
                'paymode' => new external_value(PARAM_ALPHA, 'check, transfer, card or paypal'),
                'refundedon' => new external_value(PARAM_INT, 'Refund date'),
                'reference' => new external_value(PARAM_TEXT, 'Check number or transfer reference, 0 to 100 characters',
                    VALUE_DEFAULT, ''),
            ], 'The refund of the credit note'),
        ]);
    }

    /**
     * Issues the credit note and records the refund.
     *
     * @param string $clientmutationid
     * @param int $billid
     * @param array $creditnote
     * @param array $refund
     * @return array
     */
    public static function execute($clientmutationid, $billid, $creditnote, $refund): array {
        return self::write_once(
            ['clientmutationid' => $clientmutationid, 'billid' => $billid, 'creditnote' => $creditnote, 'refund' => $refund],
            fn(array $p) => bill_writer::record_refund((int) $p['billid'], $p['creditnote'], $p['refund']));
    }

    /**
     * Returns.
     *
     * @return external_single_structure
     */
    public static function execute_returns(): external_single_structure {
        return structures::bill_answer([
            'creditnoteid' => new external_value(PARAM_INT, 'Id of the new credit note'),
            'number' => new external_value(PARAM_TEXT, 'Its number'),
        ]);
    }
}
