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
 * What the plugin serves of local_shop's tables: for each entity of the sync API, its table, the columns whose
 * content makes its fingerprint, and where its shop or catalog is found (to filter a page by shop). Bill lines
 * are tracked too, though not served on their own: a changed line changes its bill.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class entities {
    /** @var string[] the entities of the sync API, in the order a full pull takes them */
    public const SERVED = ['shops', 'taxes', 'catalogs', 'categories', 'catalogitems', 'customers', 'bills', 'products',
        'productevents'];

    /** @var string[] entities whose records are a log, never modified: only their creation and deletion are tracked */
    public const APPEND_ONLY = ['productevents'];

    /** @var string bill lines: tracked, served inside their bill */
    public const BILLITEMS = 'billitems';

    /** @var array entity => [table, fingerprint columns] */
    private const TABLES = [
        'shops' => ['local_shop', ['name', 'description', 'currency', 'catalogid', 'allowtax', 'discountthreshold',
            'discountrate', 'discountrate2', 'discountrate3', 'eula', 'paymodes', 'defaultpaymode',
            'defaultcustomersupportcourse']],
        'taxes' => ['local_shop_tax', ['country', 'title', 'ratio', 'formula']],
        'catalogs' => ['local_shop_catalog', ['name', 'description', 'salesconditions', 'groupid', 'countryrestrictions',
            'billfooter']],
        'categories' => ['local_shop_catalogcategory', ['catalogid', 'parentid', 'name', 'description', 'sortorder',
            'visible', 'seoalias']],
        'catalogitems' => ['local_shop_catalogitem', ['catalogid', 'categoryid', 'code', 'shortname', 'name', 'idnumber',
            'description', 'notes', 'eula', 'range1', 'price1', 'range2', 'price2', 'range3', 'price3', 'range4', 'price4',
            'range5', 'price5', 'taxcode', 'stock', 'sold', 'status', 'maxdeliveryquant', 'onlyforloggedin',
            'quantaddressesusers', 'renewable', 'isset', 'setid', 'requireddata', 'enablehandler', 'handlerparams']],
        'customers' => ['local_shop_customer', ['shopid', 'firstname', 'lastname', 'email', 'address', 'zip', 'city',
            'country', 'organisation', 'hasaccount', 'invoiceinfo', 'timecreated']],
        'bills' => ['local_shop_bill', ['shopid', 'userid', 'idnumber', 'ordering', 'customerid', 'invoiceinfo', 'title',
            'worktype', 'status', 'remotestatus', 'emissiondate', 'lastactiondate', 'assignedto', 'timetodo',
            'untaxedamount', 'taxes', 'amount', 'currency', 'transactionid', 'onlinetransactionid', 'paiedamount',
            'discount', 'untaxeddiscount', 'discounttaxes', 'paymode', 'ignoretax', 'paymentfee', 'productionfeedback',
            'test', 'partnerid', 'partnertag']],
        'billitems' => ['local_shop_billitem', ['billid', 'ordering', 'type', 'itemcode', 'abstract', 'description', 'delay',
            'unitcost', 'quantity', 'totalprice', 'taxcode', 'bundleid', 'customerdata', 'productiondata']],
        'products' => ['local_shop_product', ['catalogitemid', 'initialbillitemid', 'currentbillitemid', 'customerid',
            'contexttype', 'instanceid', 'startdate', 'enddate', 'reference', 'productiondata', 'extradata', 'deleted',
            'test']],
        'productevents' => ['local_shop_productevent', ['productid', 'billitemid', 'eventtype', 'eventdata', 'datecreated']],
    ];

    /**
     * Whether the sync API serves this entity.
     *
     * @param string $entity
     * @return bool
     */
    public static function is_served(string $entity): bool {
        return in_array($entity, self::SERVED, true);
    }

    /**
     * The entity's local_shop table.
     *
     * @param string $entity
     * @return string
     */
    public static function table(string $entity): string {
        if (!isset(self::TABLES[$entity])) {
            throw new \InvalidArgumentException("Unknown entity {$entity}");
        }
        return self::TABLES[$entity][0];
    }

    /**
     * The columns whose content makes the entity's fingerprint: every column the wire record is made of.
     *
     * @param string $entity
     * @return string[]
     */
    public static function fingerprint_columns(string $entity): array {
        self::table($entity);
        return self::TABLES[$entity][1];
    }

    /**
     * How a scan finds a record's shop, catalog and parent, and its extra state: select expressions over the
     * entity's table (alias t) and the joins they need. Values are 0 where they do not apply.
     *
     * @param string $entity
     * @return array [select sql, join sql]
     */
    public static function scope_sql(string $entity): array {
        switch ($entity) {
            case 'catalogs':
                return ['0 AS shopid, t.id AS catalogid, 0 AS parentid, NULL AS state', ''];
            case 'categories':
            case 'catalogitems':
                return ['0 AS shopid, t.catalogid AS catalogid, 0 AS parentid, NULL AS state', ''];
            case 'customers':
                return ['t.shopid AS shopid, 0 AS catalogid, 0 AS parentid, NULL AS state', ''];
            case 'bills':
                // The status is kept beside the fingerprint so that a status changed on the site gets its history row.
                return ['COALESCE(t.shopid, 0) AS shopid, 0 AS catalogid, 0 AS parentid, t.status AS state', ''];
            case 'billitems':
                return ['0 AS shopid, 0 AS catalogid, t.billid AS parentid, NULL AS state', ''];
            case 'products':
                return ['COALESCE(c.shopid, 0) AS shopid, 0 AS catalogid, 0 AS parentid, NULL AS state',
                    'LEFT JOIN {local_shop_customer} c ON c.id = t.customerid'];
            case 'productevents':
                return ['COALESCE(c.shopid, 0) AS shopid, 0 AS catalogid, 0 AS parentid, NULL AS state',
                    'LEFT JOIN {local_shop_product} p ON p.id = t.productid LEFT JOIN {local_shop_customer} c ON c.id = p.customerid'];
            default:
                return ['0 AS shopid, 0 AS catalogid, 0 AS parentid, NULL AS state', ''];
        }
    }
}
