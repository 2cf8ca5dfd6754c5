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
 * The keyset cursor: order, ties, the page's next cursor, the settling horizon.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_shopbackoffice\local\cursor
 */
final class cursor_test extends \basic_testcase {
    /**
     * (timemodified, id) order: a later time, or the same time and a greater id.
     */
    public function test_order_breaks_ties_by_id(): void {
        $c = new cursor(100, 5);
        $this->assertTrue((new cursor(101, 1))->is_after($c));
        $this->assertTrue((new cursor(100, 6))->is_after($c));
        $this->assertFalse((new cursor(100, 5))->is_after($c));
        $this->assertFalse((new cursor(100, 4))->is_after($c));
        $this->assertFalse((new cursor(99, 99))->is_after($c));
    }

    /**
     * Paging a list with ties in pages of any size visits every change once: what the SQL condition selects,
     * evaluated here on an array, is exactly what follows the cursor.
     */
    public function test_pages_neither_skip_nor_repeat_ties(): void {
        $changes = [];
        $id = 0;
        foreach ([10, 10, 10, 11, 11, 12, 12, 12, 12, 13] as $time) {
            $changes[] = ['timemodified' => $time, 'id' => ++$id];
        }
        foreach ([1, 2, 3, 4, 7, 20] as $limit) {
            $cursor = new cursor(0, 0);
            $seen = [];
            do {
                $after = array_values(array_filter($changes,
                    fn($c) => (new cursor($c['timemodified'], $c['id']))->is_after($cursor)));
                $page = array_slice($after, 0, $limit);
                $seen = array_merge($seen, array_column($page, 'id'));
                $cursor = $cursor->next_after($page);
            } while (count($after) > $limit);
            $this->assertSame(range(1, 10), $seen, "pages of {$limit}");
        }
    }

    /**
     * The SQL condition names the cursor's values once each, under distinct names.
     */
    public function test_after_sql(): void {
        [$sql, $params] = (new cursor(100, 5))->after_sql('k.timemodified', 'k.entityid', 'x');
        $this->assertSame('(k.timemodified > :xt1 OR (k.timemodified = :xt2 AND k.entityid > :xid))', $sql);
        $this->assertSame(['xt1' => 100, 'xt2' => 100, 'xid' => 5], $params);
    }

    /**
     * An empty page keeps the cursor; a page must only hold later changes.
     */
    public function test_next_after(): void {
        $c = new cursor(100, 5);
        $this->assertSame($c, $c->next_after([]));
        $next = $c->next_after([['timemodified' => 100, 'id' => 6], ['timemodified' => 120, 'id' => 2]]);
        $this->assertSame([120, 2], [$next->timemodified, $next->id]);
        $this->expectException(\InvalidArgumentException::class);
        $c->next_after([['timemodified' => 100, 'id' => 5]]);
    }

    /**
     * Limits and the settling horizon.
     */
    public function test_limits_and_horizon(): void {
        $this->assertFalse(cursor::valid_limit(0));
        $this->assertTrue(cursor::valid_limit(1));
        $this->assertTrue(cursor::valid_limit(2000));
        $this->assertFalse(cursor::valid_limit(2001));
        $this->assertSame(995, cursor::horizon(1000, 5));
        $this->assertSame(1000, cursor::horizon(1000, -3));
    }
}
