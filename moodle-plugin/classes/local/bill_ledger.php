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
 * What the plugin keeps about bills beside local_shop's table, which has neither: their payments (each with its
 * mode, date and reference) and their status history. local_shop keeps only the paid total (paiedamount): a
 * payment made through the shop's own pages (an online payment, an edit) shows as a difference between that
 * total and the recorded payments, and is recorded as one payment of the difference, so that the bill's paid
 * amount is always the sum of its payments.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class bill_ledger {
    /**
     * Adds a history row.
     *
     * @param int $billid
     * @param string $from
     * @param string $to
     * @param int $userid 0: the shop itself
     * @param string $note
     * @param int|null $time
     * @return int the row's id
     */
    public static function add_history(int $billid, string $from, string $to, int $userid, string $note, ?int $time = null): int {
        global $DB;
        return $DB->insert_record('local_shopbackoffice_history', (object) [
            'billid' => $billid, 'fromstatus' => $from, 'tostatus' => $to, 'timecreated' => $time ?? time(),
            'userid' => $userid, 'note' => $note,
        ]);
    }

    /**
     * The sum of a bill's recorded payments, in cents.
     *
     * @param int $billid
     * @return int
     */
    public static function paid_cents(int $billid): int {
        global $DB;
        return (int) $DB->get_field_sql('SELECT COALESCE(SUM(amountcents), 0) FROM {local_shopbackoffice_payment}
                                          WHERE billid = :billid', ['billid' => $billid]);
    }

    /**
     * Records the difference between local_shop's paid total and the recorded payments as one payment.
     *
     * @param int $billid
     * @param int $paidcents local_shop's paiedamount in cents
     * @param int $time
     */
    public static function reconcile_payments(int $billid, int $paidcents, int $time): void {
        global $DB;
        $difference = $paidcents - self::paid_cents($billid);
        if ($difference === 0) {
            return;
        }
        $bill = $DB->get_record('local_shop_bill', ['id' => $billid], 'id, currency, paymode, onlinetransactionid');
        $DB->insert_record('local_shopbackoffice_payment', (object) [
            'billid' => $billid, 'amountcents' => $difference, 'currency' => (string) ($bill->currency ?? ''),
            'paymode' => (string) ($bill->paymode ?? ''), 'paidon' => $time,
            'reference' => \core_text::substr((string) ($bill->onlinetransactionid ?? ''), 0, 100), 'userid' => 0,
            'timecreated' => $time,
        ]);
    }

    /**
     * Whether the bill was produced before it was fully paid: it is PREPROD, or went through PREPROD.
     *
     * @param int $billid
     * @param string $status
     * @return bool
     */
    public static function already_produced(int $billid, string $status): bool {
        global $DB;
        if ($status === 'PREPROD') {
            return true;
        }
        return $DB->record_exists_select('local_shopbackoffice_history',
            "billid = :billid AND (fromstatus = 'PREPROD' OR tostatus = 'PREPROD')", ['billid' => $billid]);
    }

    /**
     * The tax rate and tax of a bill line at billing time, kept the first time the line is seen, so that a
     * later change of a tax rate on the site does not change an issued bill.
     *
     * @param \stdClass $line a local_shop_billitem row
     * @param int[] $shopcatalogs catalogs of the bill's shop, the shop's own first (to find the line's item)
     * @return \stdClass catalogitemid, taxratio, taxcents
     */
    public static function line_terms(\stdClass $line, array $shopcatalogs): \stdClass {
        global $DB;
        $kept = $DB->get_record('local_shopbackoffice_line', ['billitemid' => $line->id]);
        if ($kept) {
            return $kept;
        }
        $ratio = 0;
        if ((string) $line->taxcode !== '' && (int) $line->taxcode > 0) {
            $ratio = money::to_basis_points($DB->get_field('local_shop_tax', 'ratio', ['id' => (int) $line->taxcode]) ?: 0);
        }
        $itemid = 0;
        foreach ($shopcatalogs as $catalogid) {
            $itemid = (int) $DB->get_field('local_shop_catalogitem', 'id', ['catalogid' => $catalogid, 'code' => (string) $line->itemcode]);
            if ($itemid) {
                break;
            }
        }
        $terms = (object) [
            'billitemid' => (int) $line->id,
            'catalogitemid' => $itemid,
            'taxratio' => $ratio,
            'taxcents' => money::percent_of(money::to_cents($line->totalprice), $ratio),
        ];
        try {
            $terms->id = $DB->insert_record('local_shopbackoffice_line', $terms);
        } catch (\dml_write_exception $e) {
            // Another request kept this line's terms first (the unique key on billitemid): theirs stand.
            return $DB->get_record('local_shopbackoffice_line', ['billitemid' => $line->id], '*', MUST_EXIST);
        }
        return $terms;
    }
}
