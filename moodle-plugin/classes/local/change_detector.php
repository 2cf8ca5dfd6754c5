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
 * A scan compares the live records with the kept fingerprints and reports what appeared, what changed and what
 * disappeared. On a site, the database computes the fingerprints and pairs each live record with its kept one
 * (tracker), and classify() decides; differences() does the same over two id-ordered streams, in one pass and
 * constant memory, where both sides are at hand.
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
                $difference = self::classify($row, null);
                $l->next();
            } else if ($row === null || $seen['id'] < $row['id']) {
                $difference = self::classify(null, $seen);
                $k->next();
            } else {
                $difference = self::classify($row, $seen);
                $l->next();
                $k->next();
            }
            if ($difference !== null) {
                yield $difference;
            }
        }
    }

    /**
     * What a live record and its kept fingerprint say, or null when nothing changed.
     *
     * @param array|null $row the live record (id, fingerprint, scope), null when there is none
     * @param array|null $kept the kept fingerprint (id, fingerprint, deleted...), null when there is none
     * @return array|null ['kind', 'id', 'fingerprint', 'kept', 'row']
     */
    public static function classify(?array $row, ?array $kept): ?array {
        if ($row === null && $kept === null) {
            throw new \InvalidArgumentException('Nothing to classify');
        }
        if ($row === null) {
            return empty($kept['deleted'])
                ? ['kind' => self::DELETED, 'id' => (int) $kept['id'], 'fingerprint' => null, 'kept' => $kept, 'row' => null]
                : null;
        }
        if ($kept === null) {
            return ['kind' => self::CREATED, 'id' => (int) $row['id'], 'fingerprint' => $row['fingerprint'], 'kept' => null,
                'row' => $row];
        }
        if (!empty($kept['deleted']) || $kept['fingerprint'] !== $row['fingerprint']) {
            return ['kind' => self::CHANGED, 'id' => (int) $row['id'], 'fingerprint' => $row['fingerprint'], 'kept' => $kept,
                'row' => $row];
        }
        return null;
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
