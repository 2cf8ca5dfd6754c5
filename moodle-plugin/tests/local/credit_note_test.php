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
 * Credit notes: numbers, the tax of what is credited, and when a bill is credited in full.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_shopbackoffice\local\credit_note
 */
final class credit_note_test extends \basic_testcase {
    /**
     * A bill of 3 seats at 333.33 (20 %), a book at 24.99 (5.5 %) and a -50.00 discount (20 %).
     *
     * @return array
     */
    private static function items(): array {
        return [
            11 => ['total' => 99999, 'tax' => 20000, 'ratio' => 2000],
            12 => ['total' => 2499, 'tax' => 137, 'ratio' => 550],
            13 => ['total' => -5000, 'tax' => -1000, 'ratio' => 2000],
        ];
    }

    public function test_number(): void {
        $this->assertSame('AV-2026-000042', credit_note::number(42, gmmktime(12, 0, 0, 11, 1, 2026)));
        $this->assertSame('AV-2027-1234567', credit_note::number(1234567, gmmktime(0, 0, 0, 1, 1, 2027)));
    }

    public function test_part_then_rest_cancels_the_tax_to_the_cent(): void {
        $left = credit_note::left(self::items(), []);
        $one = credit_note::lines($left, [['billitemid' => 11, 'quantity' => 1, 'totalcents' => 33333]]);
        // 20 % of 333.33 = 66.666: 66.67.
        $this->assertSame(6667, $one[0]['taxcents']);
        $this->assertFalse(credit_note::settled($left));
        $rest = credit_note::lines($left, [
            ['billitemid' => 11, 'quantity' => 2, 'totalcents' => 66666],
            ['billitemid' => 12, 'quantity' => 1, 'totalcents' => 2499],
            ['billitemid' => 13, 'quantity' => 1, 'totalcents' => -5000],
        ]);
        // The rest of the seats' tax, not 20 % of 666.66 (133.33): 200.00 - 66.67.
        $this->assertSame([13333, 137, -1000], array_column($rest, 'taxcents'));
        $this->assertTrue(credit_note::settled($left));
    }

    public function test_earlier_credit_notes_count(): void {
        $left = credit_note::left(self::items(), [['billitemid' => 12, 'totalcents' => 2499, 'taxcents' => 137]]);
        $this->assertSame(['total' => 0, 'tax' => 0, 'ratio' => 550], $left[12]);
        $this->expectException(\DomainException::class);
        $this->expectExceptionMessage('creditexceedsline');
        credit_note::lines($left, [['billitemid' => 12, 'quantity' => 1, 'totalcents' => 1]]);
    }

    /**
     * Refusals.
     *
     * @return array
     */
    public static function refusals(): array {
        return [
            'not a line of the bill' => [['billitemid' => 99, 'quantity' => 1, 'totalcents' => 100], 'itemnotinbill'],
            'more than the line' => [['billitemid' => 11, 'quantity' => 4, 'totalcents' => 100000], 'creditexceedsline'],
            'against the sign' => [['billitemid' => 13, 'quantity' => 1, 'totalcents' => 5000], 'creditexceedsline'],
            'nothing' => [['billitemid' => 11, 'quantity' => 0, 'totalcents' => 0], 'creditexceedsline'],
        ];
    }

    /**
     * @dataProvider refusals
     * @param array $line
     * @param string $code
     */
    public function test_refusals(array $line, string $code): void {
        $left = credit_note::left(self::items(), []);
        $this->expectException(\DomainException::class);
        $this->expectExceptionMessage($code);
        credit_note::lines($left, [$line]);
    }
}
