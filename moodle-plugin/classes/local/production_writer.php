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
 * local_shopbackoffice_record_production: the back-office ran a product handler itself and records what it
 * made: product instances created or updated (an extension moves enddate), their events, and a line of
 * feedback on the bill, all in the call's one transaction.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class production_writer {
    /**
     * The product holding a reference, 0 if none.
     *
     * @param string $reference
     * @return int
     */
    private static function reference_holder(string $reference): int {
        global $DB;
        return (int) $DB->get_field('local_shop_product', 'id', ['reference' => $reference], IGNORE_MULTIPLE);
    }

    /**
     * A reference no product has.
     *
     * @return string
     */
    private static function new_reference(): string {
        do {
            $reference = product_reference::generate();
        } while (self::reference_holder($reference) !== 0);
        return $reference;
    }

    /**
     * References are unique: local_shop's schema does not say so, its pages assume it.
     *
     * @param string $reference
     * @param int $productid
     */
    private static function check_reference(string $reference, int $productid): void {
        $holder = self::reference_holder($reference);
        if ($holder !== 0 && $holder !== $productid) {
            throw new \invalid_parameter_exception("reference {$reference} belongs to product {$holder}");
        }
    }

    /**
     * Creates or updates one product.
     *
     * @param int $billitemid
     * @param int $test the bill's test flag
     * @param array $product
     * @return int its id
     */
    private static function save_product(int $billitemid, int $test, array $product): int {
        global $DB;
        $fields = [
            'catalogitemid' => (int) $product['catalogitemid'], 'customerid' => (int) $product['customerid'],
            'contexttype' => $product['contexttype'], 'instanceid' => (int) $product['instanceid'],
            'startdate' => (int) $product['startdate'], 'enddate' => (int) $product['enddate'],
            'productiondata' => $product['productiondata'], 'extradata' => $product['extradata'],
            'currentbillitemid' => $billitemid,
        ];
        $id = (int) $product['id'];
        if ($id === 0) {
            $reference = $product['reference'] === '' ? self::new_reference() : $product['reference'];
            self::check_reference($reference, 0);
            $id = $DB->insert_record('local_shop_product', (object) ($fields + ['initialbillitemid' => $billitemid,
                'reference' => $reference, 'deleted' => 0, 'test' => $test]));
        } else {
            if (!$DB->record_exists('local_shop_product', ['id' => $id])) {
                throw shop_error::missing('local_shop_product', $id);
            }
            if ($product['reference'] !== '') {
                self::check_reference($product['reference'], $id);
                $fields['reference'] = $product['reference'];
            }
            $DB->update_record('local_shop_product', (object) (['id' => $id] + $fields));
        }
        tracker::touch('products', $id);
        return $id;
    }

    /**
     * Records a production.
     *
     * @param int $billid
     * @param int $billitemid
     * @param array $products
     * @param array $events
     * @param string $feedback
     * @return array
     */
    public static function record(int $billid, int $billitemid, array $products, array $events, string $feedback): array {
        global $DB;
        $bill = bill_writer::bill_or_fail($billid);
        $line = $DB->get_record('local_shop_billitem', ['id' => $billitemid], 'id, billid');
        if (!$line) {
            throw shop_error::missing('local_shop_billitem', $billitemid);
        }
        if ((int) $line->billid !== $billid) {
            throw shop_error::of('itemnotinbill', "bill item {$billitemid} is in bill {$line->billid}");
        }
        $productids = [];
        foreach ($products as $product) {
            $productids[] = self::save_product($billitemid, (int) $bill->test, $product);
        }
        $eventids = [];
        foreach ($events as $event) {
            $productid = $productids[(int) $event['productindex']] ?? null;
            if ($productid === null) {
                throw new \invalid_parameter_exception("productindex {$event['productindex']} names no product of this call");
            }
            $eventid = $DB->insert_record('local_shop_productevent', (object) [
                'productid' => $productid, 'billitemid' => $billitemid, 'eventtype' => $event['eventtype'],
                'eventdata' => $event['eventdata'], 'datecreated' => time(),
            ]);
            tracker::touch('productevents', $eventid);
            $eventids[] = (int) $eventid;
        }
        $DB->update_record('local_shop_bill', (object) ['id' => $billid, 'lastactiondate' => time(),
            'productionfeedback' => $feedback === '' ? (string) $bill->productionfeedback
                : stored_value::feedback_append($bill->productionfeedback, $feedback)]);
        tracker::touch('bills', $billid);
        return ['status' => 'applied', 'replayed' => 0, 'productids' => $productids, 'eventids' => $eventids,
            'bill' => records::one('bills', $billid)];
    }
}
