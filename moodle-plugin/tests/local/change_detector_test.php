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
 * Change detection: merging live fingerprints with kept ones.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_shopbackoffice\local\change_detector
 */
final class change_detector_test extends \basic_testcase {
    /**
     * Kinds and ids of the differences.
     *
     * @param iterable $live
     * @param iterable $kept
     * @return array
     */
    private function diff(iterable $live, iterable $kept): array {
        return array_map(fn($d) => [$d['kind'], $d['id']], iterator_to_array(change_detector::differences($live, $kept), false));
    }

    /**
     * New, changed, unchanged, deleted, already deleted, and back after a deletion.
     */
    public function test_every_kind(): void {
        $live = [['id' => 1, 'fingerprint' => 'a'], ['id' => 2, 'fingerprint' => 'B'], ['id' => 3, 'fingerprint' => 'c'],
            ['id' => 6, 'fingerprint' => 'f'], ['id' => 7, 'fingerprint' => 'g']];
        $kept = [['id' => 1, 'fingerprint' => 'a', 'deleted' => 0], ['id' => 2, 'fingerprint' => 'b', 'deleted' => 0],
            ['id' => 4, 'fingerprint' => 'd', 'deleted' => 0], ['id' => 5, 'fingerprint' => 'e', 'deleted' => 1],
            ['id' => 6, 'fingerprint' => 'f', 'deleted' => 1]];
        $this->assertSame([
            ['changed', 2], ['created', 3], ['deleted', 4], ['changed', 6], ['created', 7],
        ], $this->diff($live, $kept));
    }

    /**
     * Nothing changed: nothing reported; objects (database rows) are accepted.
     */
    public function test_nothing_changed(): void {
        $rows = [];
        for ($i = 1; $i <= 1000; $i++) {
            $rows[] = (object) ['id' => (string) $i, 'fingerprint' => md5((string) $i), 'deleted' => '0'];
        }
        $this->assertSame([], $this->diff($rows, $rows));
    }

    /**
     * Everything new, everything gone.
     */
    public function test_all_created_or_all_deleted(): void {
        $rows = [['id' => 1, 'fingerprint' => 'a', 'deleted' => 0], ['id' => 2, 'fingerprint' => 'b', 'deleted' => 0]];
        $this->assertSame([['created', 1], ['created', 2]], $this->diff($rows, []));
        $this->assertSame([['deleted', 1], ['deleted', 2]], $this->diff([], $rows));
    }

    /**
     * One pair at a time, as the database pairs them on a site.
     */
    public function test_classify(): void {
        $live = ['id' => 7, 'fingerprint' => 'x'];
        $this->assertSame('created', change_detector::classify($live, null)['kind']);
        $this->assertNull(change_detector::classify($live, ['id' => 7, 'fingerprint' => 'x', 'deleted' => 0]));
        $this->assertSame('changed', change_detector::classify($live, ['id' => 7, 'fingerprint' => 'y', 'deleted' => 0])['kind']);
        $this->assertSame('changed', change_detector::classify($live, ['id' => 7, 'fingerprint' => 'x', 'deleted' => 1])['kind']);
        $this->assertSame('deleted', change_detector::classify(null, ['id' => 7, 'fingerprint' => 'x', 'deleted' => 0])['kind']);
        $this->assertNull(change_detector::classify(null, ['id' => 7, 'fingerprint' => 'x', 'deleted' => 1]));
        $this->expectException(\InvalidArgumentException::class);
        change_detector::classify(null, null);
    }

    /**
     * A stream out of id order would report false changes: refused.
     */
    public function test_refuses_unordered_streams(): void {
        $this->expectException(\InvalidArgumentException::class);
        $this->diff([['id' => 2, 'fingerprint' => 'b'], ['id' => 1, 'fingerprint' => 'a']], []);
    }

    /**
     * The merge is lazy: it walks generators without holding them.
     */
    public function test_streams_lazily(): void {
        $live = (function() {
            for ($i = 1; $i <= 100000; $i++) {
                yield ['id' => $i, 'fingerprint' => $i % 1000 === 0 ? 'x' : 'y'];
            }
        })();
        $kept = (function() {
            for ($i = 1; $i <= 100000; $i++) {
                yield ['id' => $i, 'fingerprint' => 'y', 'deleted' => 0];
            }
        })();
        $this->assertCount(100, $this->diff($live, $kept));
    }
}
