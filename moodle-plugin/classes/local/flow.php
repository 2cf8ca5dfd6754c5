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
 * local_shop's flow-control table for bills (its local_flowcontrol rows), kept here because local_shop's own
 * Bill::work() never reads it: a bill moves only along these pairs. Payments are not transitions: the status
 * after a payment follows the amounts (status_after_payment()).
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class flow {
    /** @var string[][] the allowed destinations of each status */
    public const TABLE = [
        'WORKING' => ['PLACED', 'PENDING', 'PARTIAL', 'CANCELLED'],
        'PLACED' => ['PENDING', 'PREPROD', 'SOLDOUT', 'CANCELLED'],
        'PENDING' => ['SOLDOUT', 'REFUSED', 'CANCELLED'],
        'PREPROD' => ['COMPLETE', 'PARTIAL'],
        'PARTIAL' => ['COMPLETE', 'PAYBACK'],
        'SOLDOUT' => ['COMPLETE', 'PAYBACK'],
        'REFUSED' => ['PENDING', 'SOLDOUT'],
        'FAILED' => ['SOLDOUT', 'CANCELLED'],
        'PAYBACK' => ['CANCELLED'],
        'COMPLETE' => [],
        'CANCELLED' => [],
    ];

    /** @var string[] a payment may be recorded on these */
    public const PAYABLE = ['WORKING', 'PLACED', 'PENDING', 'PREPROD', 'PARTIAL', 'REFUSED', 'FAILED'];

    /** @var string[] a lettering (formal invoice number) may be given on these */
    public const LETTERABLE = ['SOLDOUT', 'COMPLETE', 'PARTIAL'];

    /**
     * Whether a status is one of local_shop's bill statuses.
     *
     * @param string $status
     * @return bool
     */
    public static function is_status(string $status): bool {
        return array_key_exists($status, self::TABLE);
    }

    /**
     * Whether the table has this pair.
     *
     * @param string $from
     * @param string $to
     * @return bool
     */
    public static function allows(string $from, string $to): bool {
        return in_array($to, self::TABLE[$from] ?? [], true);
    }

    /**
     * The status a payment leaves: PARTIAL while something is due; paid in full, COMPLETE when the bill was
     * already produced (it is PREPROD, or went through PREPROD before a first partial payment), else SOLDOUT.
     *
     * @param int $paidcents the sum of the payments, this one included
     * @param int $amountcents the bill's amount
     * @param bool $alreadyproduced
     * @return string
     */
    public static function status_after_payment(int $paidcents, int $amountcents, bool $alreadyproduced): string {
        if ($paidcents < $amountcents) {
            return 'PARTIAL';
        }
        return $alreadyproduced ? 'COMPLETE' : 'SOLDOUT';
    }
}
