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
 * local_shop's rows as the sync API's records (docs/shop-api.md, "Records"): money in cents, rates in basis
 * points, text where local_shop keeps serialized values, version and modification time from the tracking table.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class records {
    /**
     * The catalogs a shop shows: its own, and its master's when its catalog is a slave.
     *
     * @param int $shopid
     * @return int[] the shop's own catalog first
     */
    public static function shop_catalogs(int $shopid): array {
        global $DB;
        $catalogid = (int) $DB->get_field('local_shop', 'catalogid', ['id' => $shopid]);
        if (!$catalogid) {
            return [];
        }
        $groupid = (int) $DB->get_field('local_shop_catalog', 'groupid', ['id' => $catalogid]);
        return ($groupid && $groupid !== $catalogid) ? [$catalogid, $groupid] : [$catalogid];
    }

    /**
     * Records of an entity by id, in the order of $ids; ids without a live row are left out.
     *
     * @param string $entity
     * @param int[] $ids
     * @return array id => record
     */
    public static function read(string $entity, array $ids): array {
        global $DB;
        if (!$ids) {
            return [];
        }
        $rows = $DB->get_records_list(entities::table($entity), 'id', $ids);
        $tracks = tracker::versions($entity, array_keys($rows));
        if ($entity === 'bills') {
            return self::bills($rows, $tracks);
        }
        $records = [];
        foreach ($ids as $id) {
            if (isset($rows[$id])) {
                $records[$id] = self::record($entity, $rows[$id], $tracks[$id] ?? null);
            }
        }
        return $records;
    }

    /**
     * One record, or null.
     *
     * @param string $entity
     * @param int $id
     * @return array|null
     */
    public static function one(string $entity, int $id): ?array {
        return self::read($entity, [$id])[$id] ?? null;
    }

    /**
     * One record of a plain entity.
     *
     * @param string $entity
     * @param \stdClass $r the row
     * @param \stdClass|null $track version and timemodified
     * @return array
     */
    private static function record(string $entity, \stdClass $r, ?\stdClass $track): array {
        $version = (int) ($track->version ?? 1);
        $timemodified = (int) ($track->timemodified ?? 0);
        $s = fn($value) => (string) ($value ?? '');
        $i = fn($value) => (int) ($value ?? 0);
        switch ($entity) {
            case 'shops':
                return [
                    'id' => $i($r->id), 'name' => $s($r->name), 'description' => $s($r->description),
                    'currency' => $s($r->currency), 'catalogid' => $i($r->catalogid), 'allowtax' => $i($r->allowtax),
                    'discountthresholdcents' => money::to_cents($r->discountthreshold),
                    'discountrate' => money::to_basis_points($r->discountrate),
                    'discountrate2' => money::to_basis_points($r->discountrate2),
                    'discountrate3' => money::to_basis_points($r->discountrate3),
                    'eula' => $s($r->eula), 'paymodes' => stored_value::paymodes_to_text($r->paymodes),
                    'defaultpaymode' => $s($r->defaultpaymode),
                    'defaultcustomersupportcourse' => $i($r->defaultcustomersupportcourse),
                    'timemodified' => $timemodified,
                ];
            case 'taxes':
                return [
                    'id' => $i($r->id), 'country' => $s($r->country), 'title' => $s($r->title),
                    'ratio' => money::to_basis_points($r->ratio), 'formula' => $s($r->formula),
                    'timemodified' => $timemodified,
                ];
            case 'catalogs':
                return [
                    'id' => $i($r->id), 'name' => $s($r->name), 'description' => $s($r->description),
                    'salesconditions' => $s($r->salesconditions), 'groupid' => $i($r->groupid),
                    'countryrestrictions' => $s($r->countryrestrictions), 'billfooter' => $s($r->billfooter),
                    'version' => $version, 'timemodified' => $timemodified,
                ];
            case 'categories':
                return [
                    'id' => $i($r->id), 'catalogid' => $i($r->catalogid), 'parentid' => $i($r->parentid),
                    'name' => $s($r->name), 'description' => $s($r->description), 'sortorder' => $i($r->sortorder),
                    'visible' => $i($r->visible), 'seoalias' => $s($r->seoalias),
                    'version' => $version, 'timemodified' => $timemodified,
                ];
            case 'catalogitems':
                return [
                    'id' => $i($r->id), 'catalogid' => $i($r->catalogid), 'categoryid' => $i($r->categoryid),
                    'code' => $s($r->code), 'shortname' => $s($r->shortname), 'name' => $s($r->name),
                    'idnumber' => $s($r->idnumber), 'description' => $s($r->description), 'notes' => $s($r->notes),
                    'eula' => $s($r->eula), 'prices' => price_tiers::from_row($r), 'taxcode' => (int) $s($r->taxcode),
                    'stock' => $i($r->stock), 'sold' => $i($r->sold),
                    'status' => catalog_item_codes::status_to_wire($r->status),
                    'maxdeliveryquant' => $i($r->maxdeliveryquant), 'onlyforloggedin' => $i($r->onlyforloggedin),
                    'seatmode' => $i($r->quantaddressesusers), 'renewable' => $i($r->renewable),
                    'type' => catalog_item_codes::type_to_wire($r->isset), 'setid' => $i($r->setid),
                    'requireddata' => $s($r->requireddata), 'enablehandler' => $s($r->enablehandler),
                    'handlerparams' => $s($r->handlerparams),
                    'version' => $version, 'timemodified' => $timemodified,
                ];
            case 'customers':
                return [
                    'id' => $i($r->id), 'shopid' => $i($r->shopid), 'firstname' => $s($r->firstname),
                    'lastname' => $s($r->lastname), 'email' => $s($r->email), 'address' => $s($r->address),
                    'zip' => $s($r->zip), 'city' => $s($r->city), 'country' => $s($r->country),
                    'organisation' => $s($r->organisation), 'hasaccount' => $i($r->hasaccount),
                    'invoiceinfo' => $s($r->invoiceinfo), 'timecreated' => $i($r->timecreated),
                    'version' => $version, 'timemodified' => $timemodified,
                ];
            case 'products':
                return [
                    'id' => $i($r->id), 'catalogitemid' => $i($r->catalogitemid),
                    'initialbillitemid' => $i($r->initialbillitemid), 'currentbillitemid' => $i($r->currentbillitemid),
                    'customerid' => $i($r->customerid), 'contexttype' => $s($r->contexttype),
                    'instanceid' => $i($r->instanceid), 'startdate' => $i($r->startdate), 'enddate' => $i($r->enddate),
                    'reference' => $s($r->reference), 'productiondata' => $s($r->productiondata),
                    'extradata' => $s($r->extradata), 'deleted' => $i($r->deleted), 'test' => $i($r->test),
                    'timemodified' => $timemodified,
                ];
            case 'productevents':
                return [
                    'id' => $i($r->id), 'productid' => $i($r->productid), 'billitemid' => $i($r->billitemid),
                    'eventtype' => $s($r->eventtype), 'eventdata' => $s($r->eventdata),
                    'datecreated' => $i($r->datecreated), 'timemodified' => $timemodified,
                ];
            default:
                throw new \coding_exception("Not a plain entity: {$entity}");
        }
    }

    /**
     * Bills with their lines, payments, history and credit notes: a query per list for the whole page, never one per bill.
     *
     * @param array $rows id => local_shop_bill row
     * @param array $tracks id => version and timemodified
     * @return array id => bill record
     */
    private static function bills(array $rows, array $tracks): array {
        global $DB;
        $ids = array_keys($rows);
        [$in, $params] = $DB->get_in_or_equal($ids, SQL_PARAMS_NAMED);
        $lines = $DB->get_records_select('local_shop_billitem', "billid {$in}", $params, 'billid, ordering, id');
        $payments = $DB->get_records_select('local_shopbackoffice_payment', "billid {$in}", $params, 'billid, id');
        $history = $DB->get_records_select('local_shopbackoffice_history', "billid {$in}", $params, 'billid, id');
        $notes = $DB->get_records_select('local_shopbackoffice_creditnote', "billid {$in}", $params, 'billid, id');
        $credited = $DB->get_records_select('local_shopbackoffice_creditline', "billid {$in}", $params, 'billid, id');
        // The lines' kept terms for the whole page in one query; line_terms() makes the missing ones.
        $terms = $lines ? $DB->get_records_list('local_shopbackoffice_line', 'billitemid', array_keys($lines), '',
            'billitemid, catalogitemid, taxratio, taxcents') : [];
        $catalogs = [];
        $bills = [];
        foreach ($rows as $id => $r) {
            $shopid = (int) $r->shopid;
            $catalogs[$shopid] = $catalogs[$shopid] ?? self::shop_catalogs($shopid);
            $bills[$id] = self::bill($r, $tracks[$id] ?? null) + ['items' => [], 'payments' => [], 'history' => [],
                'creditnotes' => [], 'creditlines' => []];
        }
        foreach ($lines as $line) {
            $bill = &$bills[$line->billid];
            $bill['items'][] = self::line($line, $terms[$line->id] ?? bill_ledger::line_terms($line,
                $catalogs[(int) $rows[$line->billid]->shopid]));
            if ($line->type === 'SHIPPING') {
                $bill['shippingcents'] += money::to_cents($line->totalprice);
            }
            unset($bill);
        }
        foreach ($payments as $payment) {
            $bills[$payment->billid]['payments'][] = [
                'id' => (int) $payment->id, 'amountcents' => (int) $payment->amountcents,
                'paymode' => (string) $payment->paymode, 'paidon' => (int) $payment->paidon,
                'reference' => (string) $payment->reference, 'timecreated' => (int) $payment->timecreated,
            ];
            $bills[$payment->billid]['paidcents'] += (int) $payment->amountcents;
        }
        foreach ($history as $step) {
            $bills[$step->billid]['history'][] = [
                'id' => (int) $step->id, 'fromstatus' => (string) $step->fromstatus, 'tostatus' => (string) $step->tostatus,
                'timecreated' => (int) $step->timecreated, 'userid' => (int) $step->userid, 'note' => (string) $step->note,
            ];
        }
        foreach ($notes as $note) {
            $bills[$note->billid]['creditnotes'][] = [
                'id' => (int) $note->id, 'number' => (string) $note->number, 'issuedat' => (int) $note->issuedat,
                'reason' => (string) $note->reason, 'untaxedcents' => (int) $note->untaxedcents,
                'taxcents' => (int) $note->taxcents, 'amountcents' => (int) $note->amountcents,
                'refundcents' => (int) $note->refundcents, 'refundpaymode' => (string) $note->refundpaymode,
                'refundedon' => (int) $note->refundedon, 'refundreference' => (string) $note->refundreference,
                'userid' => (int) $note->userid,
            ];
        }
        foreach ($credited as $line) {
            $bills[$line->billid]['creditlines'][] = [
                'id' => (int) $line->id, 'creditnoteid' => (int) $line->creditnoteid, 'billitemid' => (int) $line->billitemid,
                'quantity' => (int) $line->quantity, 'totalcents' => (int) $line->totalcents, 'taxratio' => (int) $line->taxratio,
                'taxcents' => (int) $line->taxcents,
            ];
        }
        return $bills;
    }

    /**
     * A bill's own fields (shipping and paid amounts are summed from its lines and payments).
     *
     * @param \stdClass $r
     * @param \stdClass|null $track
     * @return array
     */
    private static function bill(\stdClass $r, ?\stdClass $track): array {
        $s = fn($value) => (string) ($value ?? '');
        $i = fn($value) => (int) ($value ?? 0);
        return [
            'id' => $i($r->id), 'shopid' => $i($r->shopid), 'idnumber' => $s($r->idnumber), 'ordering' => $i($r->ordering),
            'customerid' => (int) $s($r->customerid), 'userid' => $i($r->userid), 'title' => $s($r->title),
            'worktype' => $s($r->worktype), 'status' => $s($r->status), 'remotestatus' => $s($r->remotestatus),
            'emissiondate' => $i($r->emissiondate), 'lastactiondate' => $i($r->lastactiondate),
            'assignedto' => (int) $s($r->assignedto), 'timetodo' => money::to_int($r->timetodo),
            'currency' => $s($r->currency),
            'untaxedcents' => money::to_cents($r->untaxedamount), 'taxcents' => money::to_cents($r->taxes),
            'amountcents' => money::to_cents($r->amount), 'discountcents' => money::to_cents($r->discount),
            'untaxeddiscountcents' => money::to_cents($r->untaxeddiscount),
            'discounttaxcents' => money::to_cents($r->discounttaxes), 'shippingcents' => 0,
            'paymentfeecents' => money::to_cents($r->paymentfee), 'paidcents' => 0, 'paymode' => $s($r->paymode),
            'transactionid' => $s($r->transactionid), 'onlinetransactionid' => $s($r->onlinetransactionid),
            'ignoretax' => $i($r->ignoretax),
            'productionfeedback' => stored_value::feedback_to_text($r->productionfeedback),
            'invoiceinfo' => $s($r->invoiceinfo), 'test' => $i($r->test), 'partnerid' => $i($r->partnerid),
            'partnertag' => $s($r->partnertag), 'version' => (int) ($track->version ?? 1),
            'timemodified' => (int) ($track->timemodified ?? 0),
        ];
    }

    /**
     * A bill line.
     *
     * @param \stdClass $line
     * @param \stdClass $terms its catalog item, tax rate and tax (bill_ledger::line_terms())
     * @return array
     */
    private static function line(\stdClass $line, \stdClass $terms): array {
        return [
            'id' => (int) $line->id, 'ordering' => (int) $line->ordering, 'type' => (string) $line->type,
            'itemcode' => (string) ($line->itemcode ?? ''), 'catalogitemid' => (int) $terms->catalogitemid,
            'abstract' => (string) $line->abstract, 'description' => (string) $line->description,
            'delay' => money::to_int($line->delay), 'unitcents' => money::to_cents($line->unitcost),
            'quantity' => money::to_int($line->quantity), 'totalcents' => money::to_cents($line->totalprice),
            'taxcode' => (int) ($line->taxcode ?? 0), 'taxratio' => (int) $terms->taxratio,
            'taxcents' => (int) $terms->taxcents, 'bundleid' => (int) ($line->bundleid ?? 0),
            'customerdata' => stored_value::to_text($line->customerdata),
            'productiondata' => stored_value::to_text($line->productiondata),
        ];
    }
}
