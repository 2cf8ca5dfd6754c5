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
 * Change detection by fingerprints. local_shop's tables say nothing about what changed (no modification time,
 * no event), so the plugin keeps, for every record it serves, the fingerprint of its content when last seen.
 * A scan walks the live records and the kept fingerprints side by side, both in id order, and reports what
 * appeared, what changed and what disappeared. The database computes the fingerprints; this class only merges
 * the two ordered streams, in one pass and constant memory.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class change_detector {
    /** @var string a record without a kept fingerprint */
    public const CREATED = 'created';
    /** @var string a record whose fingerprint differs from the kept one (or that was deleted and is back) */
    public const CHANGED = 'changed';
    /** @var string a kept fingerprint without a live record */
    public const DELETED = 'deleted';

    /**
     * The differences between live records and kept fingerprints.
     *
     * @param iterable $live [id, fingerprint] pairs (objects or arrays with id and fingerprint), ascending id
     * @param iterable $kept objects or arrays with id, fingerprint and deleted, ascending id
     * @return \Generator of ['kind' => created|changed|deleted, 'id' => int, 'fingerprint' => ?string, 'kept' => ?array]
     */
    public static function differences(iterable $live, iterable $kept): \Generator {
        $l = self::ordered($live);
        $k = self::ordered($kept);
        while ($l->valid() || $k->valid()) {
            $row = $l->valid() ? $l->current() : null;
            $seen = $k->valid() ? $k->current() : null;
            if ($row !== null && ($seen === null || $row['id'] < $seen['id'])) {
                yield ['kind' => self::CREATED, 'id' => $row['id'], 'fingerprint' => $row['fingerprint'], 'kept' => null, 'row' => $row];
                $l->next();
            } else if ($row === null || $seen['id'] < $row['id']) {
                if (empty($seen['deleted'])) {
                    yield ['kind' => self::DELETED, 'id' => $seen['id'], 'fingerprint' => null, 'kept' => $seen, 'row' => null];
                }
                $k->next();
            } else {
                if (!empty($seen['deleted']) || $seen['fingerprint'] !== $row['fingerprint']) {
                    yield ['kind' => self::CHANGED, 'id' => $row['id'], 'fingerprint' => $row['fingerprint'], 'kept' => $seen,
                        'row' => $row];
                }
                $l->next();
                $k->next();
            }
        }
    }

    /**
     * A stream as arrays with an int id, checked to ascend: a stream out of order would report false changes.
     *
     * @param iterable $rows
     * @return \Generator
     */
    private static function ordered(iterable $rows): \Generator {
        $previous = null;
        foreach ($rows as $row) {
            $row = (array) $row;
            $row['id'] = (int) $row['id'];
            if ($previous !== null && $row['id'] <= $previous) {
                throw new \InvalidArgumentException("Ids must ascend: {$row['id']} after {$previous}");
            }
            $previous = $row['id'];
            yield $row;
        }
    }
}
