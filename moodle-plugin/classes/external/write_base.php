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
use local_shopbackoffice\local\mutations;

/**
 * What every write of the sync API does first and around: the system context, the capability, and the client
 * mutation id that makes the write safe to repeat.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
abstract class write_base extends external_api {
    /**
     * Validates the parameters, checks access, and runs the write once per mutation id.
     *
     * @param array $params the raw parameters, clientmutationid among them
     * @param callable $write fn(array $validated): array, the answer
     * @return array
     */
    protected static function write_once(array $params, callable $write): array {
        $validated = static::validate_parameters(static::execute_parameters(), $params);
        $context = \context_system::instance();
        self::validate_context($context);
        require_capability('local/shopbackoffice:use', $context);
        $name = 'local_shopbackoffice_' . (new \ReflectionClass(static::class))->getShortName();
        return mutations::apply_once($name, $validated['clientmutationid'], fn() => $write($validated));
    }

    /**
     * Optional keys that arrived, as the record's fields (PARAM_BOOL values as 0/1).
     *
     * @param array $given
     * @param string[] $flags keys that are PARAM_BOOL
     * @return array
     */
    protected static function given(array $given, array $flags = []): array {
        foreach ($flags as $flag) {
            if (array_key_exists($flag, $given) && $given[$flag] !== null) {
                $given[$flag] = (int) (bool) $given[$flag];
            }
        }
        return $given;
    }
}
