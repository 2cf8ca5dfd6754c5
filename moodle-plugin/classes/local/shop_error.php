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

namespace local_shopbackoffice\local;

/**
 * The sync API's refusals (docs/shop-api.md, "Error codes"): a moodle_exception whose errorcode is the code
 * the back-office matches and whose message, from the plugin's strings, says what to do next.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class shop_error {
    /**
     * The exception for a refusal.
     *
     * @param string $code one of the error codes of docs/shop-api.md (a string of the plugin)
     * @param string|null $debuginfo details, shown only with developer debugging
     * @return \moodle_exception
     */
    public static function of(string $code, ?string $debuginfo = null): \moodle_exception {
        return new \moodle_exception($code, 'local_shopbackoffice', '', null, $debuginfo);
    }

    /**
     * Moodle's missing-record exception (invalidrecordunknown, or invalidrecord with debugging on).
     *
     * @param string $table
     * @param int $id
     * @return \dml_missing_record_exception
     */
    public static function missing(string $table, int $id): \dml_missing_record_exception {
        return new \dml_missing_record_exception($table, "SELECT * FROM {{$table}} WHERE id = ?", [$id]);
    }
}
