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
 * Optimistic concurrency on versioned records (docs/shop-api.md, "Writes"): a write names the version it was
 * made on; if the record has moved on, nothing is written and the answer carries the server's record; if the
 * record was deleted, the answer is `gone`.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class versioned {
    /**
     * The answer to give instead of writing (conflict or gone), or null when the write may go ahead.
     *
     * @param string $entity
     * @param int $id
     * @param int $baseversion
     * @param bool $withcurrent conflict answers of deletes carry no record
     * @return array|null
     */
    public static function refusal(string $entity, int $id, int $baseversion, bool $withcurrent = true): ?array {
        $current = tracker::current_version($entity, $id);
        if (!$current['exists']) {
            if ($current['known']) {
                return ['status' => 'gone', 'replayed' => 0, 'id' => $id, 'version' => 0];
            }
            throw shop_error::missing(entities::table($entity), $id);
        }
        if ($current['version'] !== $baseversion) {
            $answer = ['status' => 'conflict', 'replayed' => 0, 'id' => $id, 'version' => $current['version']];
            if ($withcurrent) {
                $answer['current'] = records::one($entity, $id);
            }
            return $answer;
        }
        return null;
    }

    /**
     * A creation is made on nothing: base version 0.
     *
     * @param int $baseversion
     */
    public static function require_creation_base(int $baseversion): void {
        if ($baseversion !== 0) {
            throw new \invalid_parameter_exception("baseversion must be 0 to create a record, not {$baseversion}");
        }
    }

    /**
     * The answer of an applied save, after tracker::touch() recorded it.
     *
     * @param string $entity
     * @param int $id
     * @return array
     */
    public static function applied(string $entity, int $id): array {
        $record = records::one($entity, $id);
        return ['status' => 'applied', 'replayed' => 0, 'id' => $id, 'version' => (int) $record['version'],
            'current' => $record];
    }

    /**
     * Fields a save leaves out keep their current value (their default on creation), like Moodle's update
     * functions with optional keys: a caller may send only what it changes.
     *
     * @param array $given the validated parameters (absent keys missing)
     * @param array|null $current the current wire record
     * @param array $defaults field => default
     * @return array
     */
    public static function filled(array $given, ?array $current, array $defaults): array {
        $filled = ['id' => (int) $given['id']];
        foreach ($defaults as $key => $default) {
            if (array_key_exists($key, $given) && $given[$key] !== null) {
                $filled[$key] = $given[$key];
            } else if ($current !== null && array_key_exists($key, $current)) {
                $filled[$key] = $current[$key];
            } else {
                $filled[$key] = $default;
            }
        }
        return $filled;
    }
}
