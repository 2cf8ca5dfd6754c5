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

use core_external\external_api;
use core_external\external_function_parameters;
use core_external\external_multiple_structure;
use core_external\external_single_structure;
use core_external\external_value;
use local_shopbackoffice\local\cursor;

/**
 * local_shopbackoffice_get_enrolments: every user enrolment of a set of courses, with its method, status and
 * dates, and the user's roles and groups in the course, paged by enrolment id. No core web service gives an
 * enrolment's dates or status; the back-office's audit compares them with the products the shop sold.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class get_enrolments extends external_api {
    /** @var int the most courses one call reads */
    public const MAX_COURSES = 500;

    /**
     * Parameters.
     *
     * @return external_function_parameters
     */
    public static function execute_parameters(): external_function_parameters {
        return new external_function_parameters([
            'courseids' => new external_multiple_structure(new external_value(PARAM_INT, 'A course id'), 'The courses, 1 to 500'),
            'afterid' => new external_value(PARAM_INT, 'Only enrolments whose id is greater (the last id of the previous page)',
                VALUE_DEFAULT, 0),
            'limit' => new external_value(PARAM_INT, 'At most this many enrolments, 1 to 2000', VALUE_DEFAULT, 500),
        ]);
    }

    /**
     * A page of enrolments.
     *
     * @param int[] $courseids
     * @param int $afterid
     * @param int $limit
     * @return array
     */
    public static function execute(array $courseids, int $afterid = 0, int $limit = 500): array {
        global $DB;
        $params = self::validate_parameters(self::execute_parameters(),
            ['courseids' => $courseids, 'afterid' => $afterid, 'limit' => $limit]);
        $context = \context_system::instance();
        self::validate_context($context);
        require_capability('local/shopbackoffice:use', $context);
        $courseids = array_values(array_unique(array_map('intval', $params['courseids'])));
        if (count($courseids) < 1 || count($courseids) > self::MAX_COURSES) {
            throw new \invalid_parameter_exception('courseids must name 1 to ' . self::MAX_COURSES . ' courses, not ' . count($courseids));
        }
        if (!cursor::valid_limit($params['limit'])) {
            throw new \invalid_parameter_exception('limit must be between 1 and ' . cursor::MAX_PAGE . ", not {$params['limit']}");
        }
        [$incourses, $inparams] = $DB->get_in_or_equal($courseids, SQL_PARAMS_NAMED, 'course');
        $where = "e.courseid {$incourses} AND ue.id > :afterid";
        $sqlparams = $inparams + ['afterid' => $params['afterid']];
        $rows = $DB->get_records_sql(
            "SELECT ue.id, e.courseid, ue.userid, e.enrol, e.id AS enrolid, e.status AS instancestatus, ue.status,
                    ue.timestart, ue.timeend, ue.timecreated, ue.timemodified
               FROM {user_enrolments} ue
               JOIN {enrol} e ON e.id = ue.enrolid
              WHERE {$where}
           ORDER BY ue.id",
            $sqlparams, 0, $params['limit']);
        $enrolments = array_values($rows);
        $last = $enrolments ? (int) end($enrolments)->id : (int) $params['afterid'];
        $remaining = $enrolments
            ? $DB->count_records_sql("SELECT COUNT(1) FROM {user_enrolments} ue JOIN {enrol} e ON e.id = ue.enrolid
                                       WHERE e.courseid {$incourses} AND ue.id > :afterid", $inparams + ['afterid' => $last])
            : 0;
        [$roles, $groups] = self::roles_and_groups($enrolments);
        $out = [];
        foreach ($enrolments as $row) {
            $key = "{$row->courseid}/{$row->userid}";
            $out[] = [
                'id' => (int) $row->id,
                'courseid' => (int) $row->courseid,
                'userid' => (int) $row->userid,
                'enrol' => (string) $row->enrol,
                'enrolid' => (int) $row->enrolid,
                'instancestatus' => (int) $row->instancestatus,
                'status' => (int) $row->status,
                'timestart' => (int) $row->timestart,
                'timeend' => (int) $row->timeend,
                'timecreated' => (int) $row->timecreated,
                'timemodified' => (int) $row->timemodified,
                'roleids' => $roles[$key] ?? [],
                'groupids' => $groups[$key] ?? [],
            ];
        }
        return ['enrolments' => $out, 'afterid' => $last, 'remaining' => (int) $remaining];
    }

    /**
     * The roles each enrolled user holds in the course's context, and the groups of the course they are in,
     * keyed "courseid/userid": two queries for the page, not two per enrolment.
     *
     * @param \stdClass[] $enrolments
     * @return array [roles, groups]
     */
    private static function roles_and_groups(array $enrolments): array {
        global $DB;
        if (!$enrolments) {
            return [[], []];
        }
        $courses = array_values(array_unique(array_map(fn($e) => (int) $e->courseid, $enrolments)));
        $users = array_values(array_unique(array_map(fn($e) => (int) $e->userid, $enrolments)));
        [$incourses, $courseparams] = $DB->get_in_or_equal($courses, SQL_PARAMS_NAMED, 'c');
        [$inusers, $userparams] = $DB->get_in_or_equal($users, SQL_PARAMS_NAMED, 'u');
        $roles = [];
        $rs = $DB->get_recordset_sql(
            "SELECT ra.id, ctx.instanceid AS courseid, ra.userid, ra.roleid
               FROM {role_assignments} ra
               JOIN {context} ctx ON ctx.id = ra.contextid AND ctx.contextlevel = :level
              WHERE ctx.instanceid {$incourses} AND ra.userid {$inusers}
           ORDER BY ra.roleid",
            $courseparams + $userparams + ['level' => CONTEXT_COURSE]);
        foreach ($rs as $ra) {
            $roles["{$ra->courseid}/{$ra->userid}"][] = (int) $ra->roleid;
        }
        $rs->close();
        $groups = [];
        $rs = $DB->get_recordset_sql(
            "SELECT gm.id, g.courseid, gm.userid, gm.groupid
               FROM {groups_members} gm
               JOIN {groups} g ON g.id = gm.groupid
              WHERE g.courseid {$incourses} AND gm.userid {$inusers}
           ORDER BY gm.groupid",
            $courseparams + $userparams);
        foreach ($rs as $gm) {
            $groups["{$gm->courseid}/{$gm->userid}"][] = (int) $gm->groupid;
        }
        $rs->close();
        return [$roles, $groups];
    }

    /**
     * Returns.
     *
     * @return external_single_structure
     */
    public static function execute_returns(): external_single_structure {
        $int = fn(string $desc) => new external_value(PARAM_INT, $desc);
        return new external_single_structure([
            'enrolments' => new external_multiple_structure(new external_single_structure([
                'id' => $int('The user enrolment id (user_enrolments.id)'),
                'courseid' => $int('The course'),
                'userid' => $int('The user'),
                'enrol' => new external_value(PARAM_ALPHANUMEXT, 'The enrolment method (manual, self, ...)'),
                'enrolid' => $int('The enrolment instance'),
                'instancestatus' => $int('0: the method is enabled in the course, 1: disabled'),
                'status' => $int('0: active, 1: suspended'),
                'timestart' => $int('Start, 0 for none'),
                'timeend' => $int('End, 0 for none'),
                'timecreated' => $int('Created'),
                'timemodified' => $int('Last changed'),
                'roleids' => new external_multiple_structure($int('A role id'), "The user's roles in the course's context"),
                'groupids' => new external_multiple_structure($int('A group id'), "The course's groups the user is in"),
            ])),
            'afterid' => $int('The last enrolment id of this page (the afterid given when the page is empty): send it next'),
            'remaining' => $int('Enrolments after this page, in these courses'),
        ]);
    }
}
