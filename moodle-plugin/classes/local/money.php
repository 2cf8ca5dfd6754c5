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
 * Amounts at the edge: local_shop keeps money in numeric(10,3) columns and rates as floating percentages; the
 * wire carries integer cents and basis points. The conversion reads the decimal text the database returns,
 * digit by digit, so no amount ever passes through a float, and rounds half away from zero once.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class money {
    /**
     * A decimal number scaled by 10^$digits and rounded half away from zero: ('12.345', 2) is 1235.
     *
     * @param string|int|float|null $decimal as the database returns it ('' and null are 0)
     * @param int $digits how many decimals the result keeps
     * @return int
     */
    public static function scaled($decimal, int $digits): int {
        if ($decimal === null || $decimal === '') {
            return 0;
        }
        if (is_int($decimal)) {
            return $decimal * (10 ** $digits);
        }
        $text = trim(is_float($decimal) ? self::float_text($decimal) : (string) $decimal);
        if (stripos($text, 'e') !== false) {
            // Exponent notation only comes from float columns (tax ratios, quantities): expand it first.
            $text = self::float_text((float) $text);
        }
        if (!preg_match('/^([+-]?)(\d*)(?:\.(\d*))?$/', $text, $m) || ($m[2] === '' && ($m[3] ?? '') === '')) {
            throw new \InvalidArgumentException("Not a decimal number: '{$text}'");
        }
        $negative = $m[1] === '-';
        $fraction = $m[3] ?? '';
        $kept = str_pad(substr($fraction, 0, $digits), $digits, '0');
        $magnitude = (int) (ltrim($m[2], '0') . $kept);
        // Half away from zero: the first dropped digit decides, whatever follows it.
        $dropped = substr($fraction, $digits, 1);
        if ($dropped !== '' && $dropped !== false && (int) $dropped >= 5) {
            $magnitude += 1;
        }
        return $negative ? -$magnitude : $magnitude;
    }

    /**
     * Cents from a money column.
     *
     * @param string|int|float|null $decimal
     * @return int
     */
    public static function to_cents($decimal): int {
        return self::scaled($decimal, 2);
    }

    /**
     * Basis points from a percentage (local_shop's tax ratio and discount rates): '5.5' is 550.
     *
     * @param string|int|float|null $percent
     * @return int
     */
    public static function to_basis_points($percent): int {
        return self::scaled($percent, 2);
    }

    /**
     * A whole number from a float column (quantities, delays): '3' is 3, '2.5' is 3.
     *
     * @param string|int|float|null $value
     * @return int
     */
    public static function to_int($value): int {
        return self::scaled($value, 0);
    }

    /**
     * The decimal text of an amount in cents, for a numeric column: -1234 is '-12.34'.
     *
     * @param int $cents
     * @return string
     */
    public static function from_cents(int $cents): string {
        return self::unscaled($cents, 2);
    }

    /**
     * The percentage text of basis points, for a float or numeric column: 550 is '5.5'.
     *
     * @param int $basispoints
     * @return string
     */
    public static function percent_from_basis_points(int $basispoints): string {
        return rtrim(rtrim(self::unscaled($basispoints, 2), '0'), '.');
    }

    /**
     * The share of an amount at a rate in basis points, rounded half away from zero: (1999, 2000) is 400.
     *
     * @param int $cents
     * @param int $basispoints
     * @return int
     */
    public static function percent_of(int $cents, int $basispoints): int {
        $product = $cents * $basispoints;
        if (!is_int($product)) {
            throw new \InvalidArgumentException('Amount times rate overflows');
        }
        $magnitude = intdiv(abs($product) + 5000, 10000);
        return $product < 0 ? -$magnitude : $magnitude;
    }

    /**
     * Text of an integer divided by 10^$digits, without a float.
     *
     * @param int $value
     * @param int $digits
     * @return string
     */
    private static function unscaled(int $value, int $digits): string {
        $sign = $value < 0 ? '-' : '';
        $text = str_pad((string) abs($value), $digits + 1, '0', STR_PAD_LEFT);
        return $sign . substr($text, 0, -$digits) . '.' . substr($text, -$digits);
    }

    /**
     * A float's shortest exact-enough decimal text (floats only come from rate and quantity columns).
     *
     * @param float $value
     * @return string
     */
    private static function float_text(float $value): string {
        return rtrim(rtrim(sprintf('%.9F', $value), '0'), '.');
    }
}
