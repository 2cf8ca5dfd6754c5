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
 * Bill writes: transitions along the flow-control table, offline payments, the lettering. Each records who did
 * it, sets lastactiondate, and moves the bill's version on. Written through local_shop's table directly:
 * local_shop's Bill::work() ignores its own flow table and rebinds the customer to whoever is logged in.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class bill_writer {
    /** @var int the longest lettering */
    public const MAX_IDNUMBER = 64;

    /**
     * A bill row, locked until the write's transaction ends, or the missing-record exception. Two writes on one
     * bill (two payments, two transitions) run one after the other, the second reading what the first wrote;
     * a change made on the site since the last scan is recorded first (its history row, its payment), so the
     * write never swallows it.
     *
     * @param int $billid
     * @return \stdClass
     */
    public static function bill_or_fail(int $billid): \stdClass {
        $bill = tracker::lock_row('local_shop_bill', $billid);
        if (!$bill) {
            throw shop_error::missing('local_shop_bill', $billid);
        }
        tracker::record_site_change_of_bill($bill);
        return $bill;
    }

    /**
     * Writes bill fields, records the write, and answers with the bill.
     *
     * @param int $billid
     * @param array $fields
     * @return array the bill record
     */
    private static function write(int $billid, array $fields): array {
        global $DB;
        $DB->update_record('local_shop_bill', (object) (['id' => $billid, 'lastactiondate' => time()] + $fields));
        tracker::touch('bills', $billid);
        tracker::keep_lines($billid);
        return records::one('bills', $billid);
    }

    /**
     * Moves a bill along the flow table.
     *
     * @param int $billid
     * @param string $from the status the move was decided on
     * @param string $to
     * @param string $note
     * @return array
     */
    public static function transition(int $billid, string $from, string $to, string $note): array {
        global $USER;
        foreach ([$from, $to] as $status) {
            if (!flow::is_status($status)) {
                throw new \invalid_parameter_exception("unknown bill status {$status}");
            }
        }
        // The pair is checked before the bill: a pair outside the table is a client bug whatever the bill's state.
        if (!flow::allows($from, $to)) {
            throw shop_error::of('invalidtransition', "{$from} -> {$to}");
        }
        $bill = self::bill_or_fail($billid);
        if ($bill->status !== $from) {
            return ['status' => 'conflict', 'replayed' => 0, 'bill' => records::one('bills', $billid)];
        }
        bill_ledger::add_history($billid, $from, $to, (int) $USER->id, $note);
        return ['status' => 'applied', 'replayed' => 0, 'bill' => self::write($billid, ['status' => $to])];
    }

    /**
     * Records an offline payment; the status follows the amounts.
     *
     * @param int $billid
     * @param array $payment amountcents, currency, paymode, paidon, reference
     * @return array
     */
    public static function record_payment(int $billid, array $payment): array {
        global $DB, $USER;
        if ((int) $payment['amountcents'] <= 0) {
            throw new \invalid_parameter_exception("amountcents must be positive, not {$payment['amountcents']}");
        }
        if (!in_array($payment['paymode'], ['check', 'transfer'], true)) {
            throw new \invalid_parameter_exception("paymode must be check or transfer, not {$payment['paymode']}");
        }
        if (\core_text::strlen($payment['reference']) > 100) {
            throw new \invalid_parameter_exception('reference must have at most 100 characters');
        }
        $bill = self::bill_or_fail($billid);
        if (!in_array($bill->status, flow::PAYABLE, true)) {
            throw shop_error::of('billnotpayable', "bill {$billid} is {$bill->status}");
        }
        if ($payment['currency'] !== $bill->currency) {
            throw shop_error::of('currencymismatch', "{$payment['currency']} on a {$bill->currency} bill");
        }
        // Payments made on the site since the last scan count before this one.
        bill_ledger::reconcile_payments($billid, money::to_cents($bill->paiedamount), time());
        $before = bill_ledger::paid_cents($billid);
        $amount = money::to_cents($bill->amount);
        if ($before + (int) $payment['amountcents'] > $amount) {
            throw shop_error::of('paymentexceedsdue', "paid {$before} + {$payment['amountcents']} > {$amount} cents");
        }
        $paymentid = $DB->insert_record('local_shopbackoffice_payment', (object) [
            'billid' => $billid, 'amountcents' => (int) $payment['amountcents'], 'currency' => $payment['currency'],
            'paymode' => $payment['paymode'], 'paidon' => (int) $payment['paidon'], 'reference' => $payment['reference'],
            'userid' => (int) $USER->id, 'timecreated' => time(),
        ]);
        $paid = $before + (int) $payment['amountcents'];
        $status = flow::status_after_payment($paid, $amount, bill_ledger::already_produced($billid, $bill->status));
        if ($status !== $bill->status) {
            bill_ledger::add_history($billid, $bill->status, $status, (int) $USER->id,
                "Payment {$paymentid} ({$payment['paymode']})");
        }
        $record = self::write($billid, ['paiedamount' => money::from_cents($paid), 'status' => $status,
            'paymode' => $payment['paymode']]);
        return ['status' => 'applied', 'replayed' => 0, 'paymentid' => (int) $paymentid, 'bill' => $record];
    }

    /**
     * Issues a credit note for all or part of an invoiced, paid bill and records its refund (docs/shop-api.md,
     * local_shopbackoffice_record_refund). The bill goes through PAYBACK, then to CANCELLED when every line is
     * credited in full, or back to the status it had. Not a flow transition: like a payment, the status follows
     * what was credited. Numbers come from one sequence across the site, the writers of credit notes serialized.
     *
     * @param int $billid
     * @param array $creditnote reason, lines (billitemid, quantity, totalcents)
     * @param array $refund amountcents, currency, paymode, refundedon, reference
     * @return array
     */
    public static function record_refund(int $billid, array $creditnote, array $refund): array {
        global $DB, $USER;
        if (\core_text::strlen($creditnote['reason']) > 255) {
            throw new \invalid_parameter_exception('reason must have at most 255 characters');
        }
        if (empty($creditnote['lines'])) {
            throw new \invalid_parameter_exception('a credit note credits at least one line');
        }
        if ((int) $refund['amountcents'] <= 0) {
            throw new \invalid_parameter_exception("amountcents must be positive, not {$refund['amountcents']}");
        }
        if (!in_array($refund['paymode'], credit_note::PAYMODES, true)) {
            throw new \invalid_parameter_exception('paymode must be one of ' . implode(', ', credit_note::PAYMODES));
        }
        if (\core_text::strlen($refund['reference']) > 100) {
            throw new \invalid_parameter_exception('reference must have at most 100 characters');
        }
        $bill = self::bill_or_fail($billid);
        if ((string) $bill->idnumber === '' || !in_array($bill->status, ['SOLDOUT', 'COMPLETE'], true)) {
            throw shop_error::of('billnotrefundable', "bill {$billid} is {$bill->status}");
        }
        if ($refund['currency'] !== $bill->currency) {
            throw shop_error::of('currencymismatch', "{$refund['currency']} on a {$bill->currency} bill");
        }
        $current = records::one('bills', $billid);
        $items = [];
        foreach ($current['items'] as $item) {
            $items[$item['id']] = ['total' => $item['totalcents'], 'tax' => $item['taxcents'], 'ratio' => $item['taxratio']];
        }
        $left = credit_note::left($items, $current['creditlines']);
        try {
            $lines = credit_note::lines($left, $creditnote['lines']);
        } catch (\DomainException $e) {
            throw shop_error::of($e->getMessage(), "bill {$billid}");
        }
        $untaxed = array_sum(array_column($lines, 'totalcents'));
        $tax = array_sum(array_column($lines, 'taxcents'));
        $refunded = array_sum(array_column($current['creditnotes'], 'refundcents'));
        if ((int) $refund['amountcents'] !== $untaxed + $tax || $refunded + $untaxed + $tax > $current['paidcents']) {
            throw shop_error::of('refundmismatch', "refund {$refund['amountcents']}, credit note " . ($untaxed + $tax));
        }
        tracker::serialize('creditnote');
        $sequence = 1 + (int) $DB->get_field_sql('SELECT COALESCE(MAX(sequence), 0) FROM {local_shopbackoffice_creditnote}');
        $now = time();
        $number = credit_note::number($sequence, $now);
        $noteid = $DB->insert_record('local_shopbackoffice_creditnote', (object) [
            'billid' => $billid, 'sequence' => $sequence, 'number' => $number, 'issuedat' => $now,
            'reason' => $creditnote['reason'], 'untaxedcents' => $untaxed, 'taxcents' => $tax, 'amountcents' => $untaxed + $tax,
            'refundcents' => (int) $refund['amountcents'], 'refundpaymode' => $refund['paymode'],
            'refundedon' => (int) $refund['refundedon'], 'refundreference' => $refund['reference'], 'userid' => (int) $USER->id,
        ]);
        foreach ($lines as $line) {
            $DB->insert_record('local_shopbackoffice_creditline', (object) (['billid' => $billid, 'creditnoteid' => $noteid] + $line));
        }
        $to = credit_note::settled($left) ? 'CANCELLED' : $bill->status;
        bill_ledger::add_history($billid, $bill->status, 'PAYBACK', (int) $USER->id, "Credit note {$number}");
        bill_ledger::add_history($billid, 'PAYBACK', $to, (int) $USER->id,
            "Refund {$refund['amountcents']} cents ({$refund['paymode']})");
        $record = self::write($billid, ['status' => $to]);
        return ['status' => 'applied', 'replayed' => 0, 'creditnoteid' => (int) $noteid, 'number' => $number, 'bill' => $record];
    }

    /**
     * Records the formal invoice number, unique across shops. Nothing in local_shop's schema keeps it so; the
     * writes of letterings are serialized on one row of the plugin's (its lock lasts until the transaction
     * ends), and the holder is looked for with a locking read, which sees what committed meanwhile.
     *
     * @param int $billid
     * @param string $idnumber '' removes it
     * @return array
     */
    public static function set_lettering(int $billid, string $idnumber): array {
        global $DB;
        if (\core_text::strlen($idnumber) > self::MAX_IDNUMBER) {
            throw new \invalid_parameter_exception('idnumber must have at most ' . self::MAX_IDNUMBER . ' characters');
        }
        $bill = self::bill_or_fail($billid);
        if ($idnumber !== '') {
            if (!in_array($bill->status, flow::LETTERABLE, true)) {
                throw shop_error::of('billnotpaid', "bill {$billid} is {$bill->status}");
            }
            tracker::serialize('lettering');
            // No LIMIT: MySQL and MariaDB refuse one after FOR UPDATE, and Moodle would append it there.
            // Compared exactly: MySQL's default collations would take 'f-001 ' for 'F-001'.
            $holders = $DB->get_fieldset_sql('SELECT id FROM {local_shop_bill}
                                               WHERE ' . $DB->sql_equal('idnumber', ':idnumber', true, true) . ' AND id <> :id
                                                 FOR UPDATE', ['idnumber' => $idnumber, 'id' => $billid]);
            $holder = reset($holders);
            if ($holder) {
                throw shop_error::of('idnumbertaken', "bill {$holder} has {$idnumber}");
            }
        }
        return ['status' => 'applied', 'replayed' => 0, 'bill' => self::write($billid, ['idnumber' => $idnumber])];
    }
}
