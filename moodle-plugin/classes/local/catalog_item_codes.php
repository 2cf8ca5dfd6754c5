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
 * The words local_shop stores for catalog items, and the wire's: its `isset` column holds 0, 1, 2 for plain,
 * set and bundle; its status spells ABANDONNED, and ASCOMPLEMENT (sold only as a complement of an existing
 * product, never on its own) has no wire value of its own: it is served as AVAILABLEINTERNAL, the nearest.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class catalog_item_codes {
    /** @var string[] the wire's statuses */
    public const STATUSES = ['PREVIEW', 'AVAILABLE', 'AVAILABLEINTERNAL', 'SUSPENDED', 'PROVIDING', 'ABANDONED'];

    /** @var string[] the wire's types, by local_shop's isset value */
    public const TYPES = [0 => 'plain', 1 => 'set', 2 => 'bundle'];

    /** @var string[] local_shop's product handlers (datahandling/handlers/), what enablehandler may name */
    public const HANDLERS = [
        'std_addquizattempts', 'std_addtrainingcredits', 'std_assignroleoncontext', 'std_createcategory',
        'std_createcourse', 'std_createvinstance', 'std_enrolonecourse', 'std_enrolonecoursemultiple',
        'std_extendenrolperiod', 'std_generateseats', 'std_openltiaccess', 'std_prorogate', 'std_registeredproduct',
        'std_setuponecoursesession', 'std_unlockpdcertificate',
    ];

    /**
     * The wire status of a stored one.
     *
     * @param string|null $stored
     * @return string
     */
    public static function status_to_wire(?string $stored): string {
        switch ($stored) {
            case 'ABANDONNED':
                return 'ABANDONED';
            case 'ASCOMPLEMENT':
                return 'AVAILABLEINTERNAL';
            default:
                return in_array($stored, self::STATUSES, true) ? $stored : 'SUSPENDED';
        }
    }

    /**
     * The stored status of a wire one (checked beforehand).
     *
     * @param string $wire
     * @return string
     */
    public static function status_to_stored(string $wire): string {
        return $wire === 'ABANDONED' ? 'ABANDONNED' : $wire;
    }

    /**
     * The wire type of local_shop's isset value.
     *
     * @param string|int|null $isset
     * @return string
     */
    public static function type_to_wire($isset): string {
        return self::TYPES[(int) $isset] ?? 'plain';
    }

    /**
     * local_shop's isset value of a wire type (checked beforehand).
     *
     * @param string $type
     * @return int
     */
    public static function type_to_stored(string $type): int {
        return (int) array_search($type, self::TYPES, true);
    }

    /**
     * What is wrong with required data, or null: '' or a JSON array of objects each naming its `field`.
     *
     * @param string $requireddata
     * @return string|null
     */
    public static function required_data_problem(string $requireddata): ?string {
        if ($requireddata === '') {
            return null;
        }
        $parsed = json_decode($requireddata);
        if (json_last_error() !== JSON_ERROR_NONE) {
            return 'not JSON';
        }
        if (!is_array($parsed)) {
            return 'not an array of objects with a "field" name';
        }
        foreach ($parsed as $field) {
            if (!is_object($field) || !isset($field->field) || !is_string($field->field)) {
                return 'not an array of objects with a "field" name';
            }
        }
        return null;
    }
}
