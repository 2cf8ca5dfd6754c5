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

namespace local_shopbackoffice\privacy;

use core_privacy\local\metadata\collection;
use core_privacy\local\request\approved_contextlist;
use core_privacy\local\request\approved_userlist;
use core_privacy\local\request\contextlist;
use core_privacy\local\request\userlist;
use core_privacy\local\request\writer;

/**
 * Privacy: the plugin stores which staff member recorded a payment, changed a bill's status or made a write.
 * The customers' own data stays in local_shop's tables, under local_shop's provider. Bills are accounting
 * records: deleting a user keeps them and their history, and only forgets who made them (userid 0).
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class provider implements
    \core_privacy\local\metadata\provider,
    \core_privacy\local\request\core_userlist_provider,
    \core_privacy\local\request\plugin\provider {

    /** @var string[] tables holding a userid */
    private const TABLES = ['local_shopbackoffice_payment', 'local_shopbackoffice_history', 'local_shopbackoffice_mutation',
        'local_shopbackoffice_creditnote'];

    /**
     * What is stored.
     *
     * @param collection $collection
     * @return collection
     */
    public static function get_metadata(collection $collection): collection {
        $collection->add_database_table('local_shopbackoffice_payment', [
            'userid' => 'privacy:metadata:local_shopbackoffice_payment:userid',
            'reference' => 'privacy:metadata:local_shopbackoffice_payment:reference',
            'timecreated' => 'privacy:metadata:local_shopbackoffice_payment:timecreated',
        ], 'privacy:metadata:local_shopbackoffice_payment');
        $collection->add_database_table('local_shopbackoffice_creditnote', [
            'userid' => 'privacy:metadata:local_shopbackoffice_creditnote:userid',
            'issuedat' => 'privacy:metadata:local_shopbackoffice_creditnote:issuedat',
        ], 'privacy:metadata:local_shopbackoffice_creditnote');
        $collection->add_database_table('local_shopbackoffice_history', [
            'userid' => 'privacy:metadata:local_shopbackoffice_history:userid',
            'note' => 'privacy:metadata:local_shopbackoffice_history:note',
            'timecreated' => 'privacy:metadata:local_shopbackoffice_history:timecreated',
        ], 'privacy:metadata:local_shopbackoffice_history');
        $collection->add_database_table('local_shopbackoffice_mutation', [
            'userid' => 'privacy:metadata:local_shopbackoffice_mutation:userid',
            'answer' => 'privacy:metadata:local_shopbackoffice_mutation:answer',
            'timecreated' => 'privacy:metadata:local_shopbackoffice_mutation:timecreated',
        ], 'privacy:metadata:local_shopbackoffice_mutation');
        return $collection;
    }

    /**
     * The system context, when the user made anything here.
     *
     * @param int $userid
     * @return contextlist
     */
    public static function get_contexts_for_userid(int $userid): contextlist {
        global $DB;
        $contextlist = new contextlist();
        foreach (self::TABLES as $table) {
            if ($DB->record_exists($table, ['userid' => $userid])) {
                $contextlist->add_system_context();
                break;
            }
        }
        return $contextlist;
    }

    /**
     * Users with data in the system context.
     *
     * @param userlist $userlist
     */
    public static function get_users_in_context(userlist $userlist) {
        if ($userlist->get_context()->contextlevel != CONTEXT_SYSTEM) {
            return;
        }
        foreach (self::TABLES as $table) {
            $userlist->add_from_sql('userid', "SELECT userid FROM {{$table}} WHERE userid > 0", []);
        }
    }

    /**
     * Exports what the user recorded.
     *
     * @param approved_contextlist $contextlist
     */
    public static function export_user_data(approved_contextlist $contextlist) {
        global $DB;
        $userid = $contextlist->get_user()->id;
        foreach ($contextlist->get_contexts() as $context) {
            if ($context->contextlevel != CONTEXT_SYSTEM) {
                continue;
            }
            $data = (object) [
                'payments' => array_values($DB->get_records('local_shopbackoffice_payment', ['userid' => $userid], 'id',
                    'billid, amountcents, currency, paymode, paidon, reference, timecreated')),
                'history' => array_values($DB->get_records('local_shopbackoffice_history', ['userid' => $userid], 'id',
                    'billid, fromstatus, tostatus, timecreated, note')),
                'writes' => array_values($DB->get_records('local_shopbackoffice_mutation', ['userid' => $userid], 'id',
                    'functionname, timecreated')),
            ];
            writer::with_context($context)->export_data([get_string('pluginname', 'local_shopbackoffice')], $data);
        }
    }

    /**
     * Forgets who made what, for everyone in the context (the records themselves are accounting records).
     *
     * @param \context $context
     */
    public static function delete_data_for_all_users_in_context(\context $context) {
        global $DB;
        if ($context->contextlevel != CONTEXT_SYSTEM) {
            return;
        }
        foreach (self::TABLES as $table) {
            $DB->set_field_select($table, 'userid', 0, 'userid > 0');
        }
    }

    /**
     * Forgets who made what, for one user.
     *
     * @param approved_contextlist $contextlist
     */
    public static function delete_data_for_user(approved_contextlist $contextlist) {
        global $DB;
        $userid = $contextlist->get_user()->id;
        foreach (self::TABLES as $table) {
            $DB->set_field($table, 'userid', 0, ['userid' => $userid]);
        }
    }

    /**
     * Forgets who made what, for several users.
     *
     * @param approved_userlist $userlist
     */
    public static function delete_data_for_users(approved_userlist $userlist) {
        global $DB;
        if ($userlist->get_context()->contextlevel != CONTEXT_SYSTEM || !$userlist->get_userids()) {
            return;
        }
        [$in, $params] = $DB->get_in_or_equal($userlist->get_userids(), SQL_PARAMS_NAMED);
        foreach (self::TABLES as $table) {
            $DB->set_field_select($table, 'userid', 0, "userid {$in}", $params);
        }
    }
}
