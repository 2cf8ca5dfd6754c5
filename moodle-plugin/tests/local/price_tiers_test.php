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
        // local_shop's ranges are upper bounds: price1 up to 4, price2 up to 9, price3 beyond.
        $this->assertSame([4, 9, 0, 0, 0], [$columns['range1'], $columns['range2'], $columns['range3'], $columns['range4'],
            $columns['range5']]);
        $this->assertSame('230.50', $columns['price3']);
        // The database gives numeric(10,3) text back.
        $columns['price3'] = '230.500';
        $this->assertSame($tiers, price_tiers::from_row((object) $columns));
    }

    /**
     * A single price, as local_shop's forms save it (range1 = 0), is one tier from quantity 1; what follows an
     * open range is ignored, as local_shop ignores it.
     */
    public function test_single_price_and_open_ranges(): void {
        $row = ['range1' => '0', 'price1' => '49.900', 'range2' => '10', 'price2' => '40.000'];
        $this->assertSame([['fromquantity' => 1, 'unitcents' => 4990]], price_tiers::from_row($row));
        $this->assertSame(['range1' => 0, 'price1' => '49.90'], array_intersect_key(
            price_tiers::to_columns([['fromquantity' => 1, 'unitcents' => 4990]]), ['range1' => 1, 'price1' => 1]));
        $five = [['fromquantity' => 1, 'unitcents' => 5], ['fromquantity' => 2, 'unitcents' => 4],
            ['fromquantity' => 3, 'unitcents' => 3], ['fromquantity' => 4, 'unitcents' => 2], ['fromquantity' => 5, 'unitcents' => 1]];
        $this->assertSame($five, price_tiers::from_row(price_tiers::to_columns($five)));
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
