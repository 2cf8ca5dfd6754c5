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
 * local_shopbackoffice_transition_bill: moves a bill along local_shop's flow-control table, and only along it.
 * Product handlers are not run: the back-office runs them and records their results (record_production).
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class transition_bill extends write_base {
    /**
     * Parameters.
     *
     * @return external_function_parameters
     */
    public static function execute_parameters(): external_function_parameters {
        return new external_function_parameters([
            'clientmutationid' => structures::client_mutation_id(),
            'billid' => new external_value(PARAM_INT, 'Bill id'),
            'fromstatus' => new external_value(PARAM_ALPHA, "The bill's status the move was decided on"),
            'tostatus' => new external_value(PARAM_ALPHA, 'The status to move to, along the flow-control table'),
            'note' => new external_value(PARAM_TEXT, 'Note recorded in the history', VALUE_DEFAULT, ''),
        ]);
    }

    /**
     * Moves the bill.
     *
     * @param string $clientmutationid
     * @param int $billid
     * @param string $fromstatus
     * @param string $tostatus
     * @param string $note
     * @return array
     */
    public static function execute($clientmutationid, $billid, $fromstatus, $tostatus, $note = ''): array {
        return self::write_once(['clientmutationid' => $clientmutationid, 'billid' => $billid, 'fromstatus' => $fromstatus,
            'tostatus' => $tostatus, 'note' => $note],
            fn(array $p) => bill_writer::transition((int) $p['billid'], $p['fromstatus'], $p['tostatus'], $p['note']));
    }

    /**
     * Returns.
     *
     * @return external_single_structure
     */
    public static function execute_returns(): external_single_structure {
        return structures::bill_answer();
    }
}
