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
 * The keyset cursor of the incremental reads: a change is identified by (timemodified, id), pages are ordered
 * by that pair, and a page starts strictly after the cursor. Row-value comparison is written out
 * (a greater time, or the same time and a greater id) because MySQL does not walk an index for a
 * row constructor the way PostgreSQL does.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class cursor {
    /** @var int the largest page */
    public const MAX_PAGE = 2000;

    /**
     * A cursor.
     *
     * @param int $timemodified
     * @param int $id
     */
    public function __construct(
        /** @var int modification time of the last change received */
        public readonly int $timemodified,
        /** @var int its id: ties on the time are broken by id */
        public readonly int $id
    ) {
    }

    /**
     * Whether this change comes strictly after the other in (timemodified, id) order.
     *
     * @param cursor $other
     * @return bool
     */
    public function is_after(cursor $other): bool {
        return $this->timemodified > $other->timemodified
            || ($this->timemodified === $other->timemodified && $this->id > $other->id);
    }

    /**
     * The SQL condition "(timecolumn, idcolumn) > (this cursor)", with named parameters of the given prefix.
     *
     * @param string $timecolumn
     * @param string $idcolumn
     * @param string $prefix parameter name prefix
     * @return array [sql, params]
     */
    public function after_sql(string $timecolumn, string $idcolumn, string $prefix = 'c'): array {
        $sql = "({$timecolumn} > :{$prefix}t1 OR ({$timecolumn} = :{$prefix}t2 AND {$idcolumn} > :{$prefix}id))";
        return [$sql, ["{$prefix}t1" => $this->timemodified, "{$prefix}t2" => $this->timemodified, "{$prefix}id" => $this->id]];
    }

    /**
     * The cursor a page ends on: its last change, or the input cursor when the page is empty.
     *
     * @param array $changes changes in page order, each with timemodified and id
     * @return cursor
     */
    public function next_after(array $changes): cursor {
        $last = end($changes);
        if ($last === false) {
            return $this;
        }
        $next = new cursor((int) $last['timemodified'], (int) $last['id']);
        if (!$next->is_after($this)) {
            throw new \InvalidArgumentException('A page must only hold changes after its cursor');
        }
        return $next;
    }

    /**
     * Checks a page size.
     *
     * @param int $limit
     * @return bool
     */
    public static function valid_limit(int $limit): bool {
        return $limit >= 1 && $limit <= self::MAX_PAGE;
    }

    /**
     * The newest modification time a page may serve: changes younger than the settling window may belong to a
     * transaction that has not committed yet, and serving the ones around them would move a cursor past them.
     *
     * @param int $servertime
     * @param int $settling seconds
     * @return int
     */
    public static function horizon(int $servertime, int $settling): int {
        return $servertime - max(0, $settling);
    }
}
