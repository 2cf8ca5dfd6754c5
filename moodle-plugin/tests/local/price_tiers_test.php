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
 * Price tiers: local_shop's range/price columns and the wire's list.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_shopbackoffice\local\price_tiers
 */
final class price_tiers_test extends \basic_testcase {
    /**
     * Tiers to columns and back.
     */
    public function test_round_trip(): void {
        $tiers = [['fromquantity' => 1, 'unitcents' => 29000], ['fromquantity' => 5, 'unitcents' => 26000],
            ['fromquantity' => 10, 'unitcents' => 23050]];
        $columns = price_tiers::to_columns($tiers);
        $this->assertSame('230.50', $columns['price3']);
        $this->assertSame(0, $columns['range4']);
        // The database gives numeric(10,3) text back.
        $columns['price3'] = '230.500';
        $this->assertSame($tiers, price_tiers::from_row((object) $columns));
    }

    /**
     * What is refused, and why.
     */
    public function test_problems(): void {
        $tier = fn($from, $cents = 100) => ['fromquantity' => $from, 'unitcents' => $cents];
        $this->assertNull(price_tiers::problem([$tier(1)]));
        $this->assertSame('no tier', price_tiers::problem([]));
        $this->assertSame('6 tiers', price_tiers::problem([$tier(1), $tier(2), $tier(3), $tier(4), $tier(5), $tier(6)]));
        $this->assertSame('the first tier does not start at quantity 1', price_tiers::problem([$tier(2)]));
        $this->assertSame('quantities are not strictly increasing', price_tiers::problem([$tier(1), $tier(3), $tier(3)]));
        $this->assertSame('a price is negative', price_tiers::problem([$tier(1), $tier(2, -1)]));
    }
}
