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
 * Amounts at the edge: decimal text to cents and back, without floats.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_shopbackoffice\local\money
 */
final class money_test extends \basic_testcase {
    /**
     * Cases of numeric(10,3) text.
     *
     * @return array
     */
    public static function cents_cases(): array {
        return [
            'whole' => ['12', 1200], 'one decimal' => ['12.5', 1250], 'three decimals' => ['12.340', 1234],
            'half up' => ['12.345', 1235], 'below half' => ['12.3449', 1234], 'negative half away' => ['-12.345', -1235],
            'negative below half' => ['-0.004', 0], 'tiny half' => ['0.005', 1], 'no integer part' => ['.5', 50],
            'plus sign' => ['+3.999', 400], 'empty' => ['', 0], 'null' => [null, 0], 'int' => [7, 700],
            'large' => ['9999999.999', 1000000000], 'leading zeros' => ['007.10', 710],
        ];
    }

    /**
     * Decimal text to cents, half away from zero.
     *
     * @dataProvider cents_cases
     * @param string|int|null $decimal
     * @param int $cents
     */
    public function test_to_cents($decimal, int $cents): void {
        $this->assertSame($cents, money::to_cents($decimal));
    }

    /**
     * Cents back to text, and the round trip for many amounts.
     */
    public function test_from_cents_round_trips(): void {
        $this->assertSame('-0.05', money::from_cents(-5));
        $this->assertSame('0.00', money::from_cents(0));
        $this->assertSame('1234.56', money::from_cents(123456));
        mt_srand(12);
        for ($i = 0; $i < 2000; $i++) {
            $cents = mt_rand(-99999999, 99999999);
            $this->assertSame($cents, money::to_cents(money::from_cents($cents)), "round trip of {$cents}");
        }
    }

    /**
     * Rates: percentages (float columns) to basis points and back.
     */
    public function test_basis_points(): void {
        $this->assertSame(550, money::to_basis_points('5.5'));
        $this->assertSame(1960, money::to_basis_points('19.6'));
        $this->assertSame(2000, money::to_basis_points(20.0));
        $this->assertSame(1, money::to_basis_points('1.0E-2'));
        $this->assertSame('5.5', money::percent_from_basis_points(550));
        $this->assertSame('20', money::percent_from_basis_points(2000));
        $this->assertSame(3, money::to_int('2.5'));
        $this->assertSame(-3, money::to_int('-2.5'));
    }

    /**
     * A share at a rate rounds half away from zero, like the back-office's percentOf.
     */
    public function test_percent_of(): void {
        $this->assertSame(400, money::percent_of(1999, 2000));
        $this->assertSame(5, money::percent_of(25, 2000));
        $this->assertSame(1, money::percent_of(5, 1000));
        $this->assertSame(-1, money::percent_of(-5, 1000));
        $this->assertSame(262, money::percent_of(4770, 550));
        $this->assertSame(49, money::percent_of(890, 550));
    }

    /**
     * Text that is not a number is refused, never read as 0.
     */
    public function test_refuses_garbage(): void {
        $this->expectException(\InvalidArgumentException::class);
        money::to_cents('12,50');
    }
}
