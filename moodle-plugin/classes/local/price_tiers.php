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
 * A catalog item's quantity price tiers. local_shop keeps five (range, price) column pairs where rangeN is the
 * largest quantity priceN applies to, and a range of 0 means priceN applies to every larger quantity: price1
 * alone (range1 = 0) is a single price; range1 = 4 makes price2 start at 5 (CatalogItem::get_price()). The wire
 * carries the tiers by where they start: a list of {fromquantity, unitcents}, the first from 1.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class price_tiers {
    /** @var int local_shop's number of tier columns */
    public const MAX = 5;

    /**
     * The tiers of a catalog item row (range1..5, price1..5 as the database returns them).
     *
     * @param object|array $row
     * @return array list of ['fromquantity' => int, 'unitcents' => int]
     */
    public static function from_row($row): array {
        $row = (array) $row;
        $tiers = [['fromquantity' => 1, 'unitcents' => money::to_cents($row['price1'] ?? '0')]];
        for ($i = 1; $i < self::MAX; $i++) {
            $upto = (int) ($row["range{$i}"] ?? 0);
            if ($upto <= 0) {
                break;
            }
            $tiers[] = ['fromquantity' => $upto + 1, 'unitcents' => money::to_cents($row['price' . ($i + 1)] ?? '0')];
        }
        return $tiers;
    }

    /**
     * The range and price columns of a list of tiers (checked beforehand).
     *
     * @param array $tiers
     * @return array column => value
     */
    public static function to_columns(array $tiers): array {
        $tiers = array_values($tiers);
        $columns = [];
        for ($i = 1; $i <= self::MAX; $i++) {
            $tier = $tiers[$i - 1] ?? null;
            $nexttier = $tiers[$i] ?? null;
            $columns["range{$i}"] = $nexttier ? (int) $nexttier['fromquantity'] - 1 : 0;
            $columns["price{$i}"] = money::from_cents($tier ? (int) $tier['unitcents'] : 0);
        }
        return $columns;
    }

    /**
     * What is wrong with a list of tiers, or null: 1 to 5 tiers, quantities strictly increasing from 1,
     * prices not negative.
     *
     * @param array $tiers
     * @return string|null
     */
    public static function problem(array $tiers): ?string {
        if (count($tiers) === 0) {
            return 'no tier';
        }
        if (count($tiers) > self::MAX) {
            return count($tiers) . ' tiers';
        }
        $previous = 0;
        foreach (array_values($tiers) as $i => $tier) {
            $from = (int) $tier['fromquantity'];
            if ($i === 0 && $from !== 1) {
                return 'the first tier does not start at quantity 1';
            }
            if ($i > 0 && $from <= $previous) {
                return 'quantities are not strictly increasing';
            }
            if ((int) $tier['unitcents'] < 0) {
                return 'a price is negative';
            }
            $previous = $from;
        }
        return null;
    }
}
