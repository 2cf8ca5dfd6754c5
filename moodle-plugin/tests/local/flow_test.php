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
 * The flow-control table and the status a payment leaves.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_shopbackoffice\local\flow
 */
final class flow_test extends \basic_testcase {
    /**
     * local_shop's local_flowcontrol holds 22 bill rows: exactly these pairs, and no other pair of statuses.
     */
    public function test_table_both_ways(): void {
        $allowed = ['WORKING>PLACED', 'WORKING>PENDING', 'WORKING>PARTIAL', 'WORKING>CANCELLED', 'PLACED>PENDING',
            'PLACED>PREPROD', 'PLACED>SOLDOUT', 'PLACED>CANCELLED', 'PENDING>SOLDOUT', 'PENDING>REFUSED', 'PENDING>CANCELLED',
            'PREPROD>COMPLETE', 'PREPROD>PARTIAL', 'PARTIAL>COMPLETE', 'PARTIAL>PAYBACK', 'SOLDOUT>COMPLETE', 'SOLDOUT>PAYBACK',
            'REFUSED>PENDING', 'REFUSED>SOLDOUT', 'FAILED>SOLDOUT', 'FAILED>CANCELLED', 'PAYBACK>CANCELLED'];
        $statuses = array_keys(flow::TABLE);
        $this->assertCount(11, $statuses);
        $found = [];
        foreach ($statuses as $from) {
            foreach ($statuses as $to) {
                if (flow::allows($from, $to)) {
                    $found[] = "{$from}>{$to}";
                }
            }
        }
        sort($allowed);
        sort($found);
        $this->assertSame($allowed, $found);
        $this->assertFalse(flow::allows('NOPE', 'PAID'));
        $this->assertFalse(flow::is_status('soldout'));
    }

    /**
     * The status follows the amounts; a bill produced before payment completes.
     */
    public function test_status_after_payment(): void {
        $this->assertSame('PARTIAL', flow::status_after_payment(100, 1000, false));
        $this->assertSame('PARTIAL', flow::status_after_payment(999, 1000, true));
        $this->assertSame('SOLDOUT', flow::status_after_payment(1000, 1000, false));
        $this->assertSame('COMPLETE', flow::status_after_payment(1000, 1000, true));
    }
}
