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

namespace local_shopbackoffice\external;

use core_external\external_multiple_structure;
use core_external\external_single_structure;
use core_external\external_value;

/**
 * The records of docs/shop-api.md as external descriptions, shared by the functions that return them. HTML and
 * JSON fields are PARAM_RAW (PARAM_TEXT strips tags); money is PARAM_INT cents.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class structures {
    /**
     * Field descriptions from a compact list: name => [type, description].
     *
     * @param array $fields
     * @return external_value[]
     */
    private static function values(array $fields): array {
        $values = [];
        foreach ($fields as $name => [$type, $description]) {
            $values[$name] = new external_value($type, $description);
        }
        return $values;
    }

    /**
     * A record's description.
     *
     * @param string $entity a served entity
     * @param int $required VALUE_REQUIRED or VALUE_OPTIONAL
     * @return external_single_structure
     */
    public static function record(string $entity, int $required = VALUE_REQUIRED): external_single_structure {
        $int = PARAM_INT;
        $text = PARAM_TEXT;
        $raw = PARAM_RAW;
        $versioned = ['version' => [$int, 'Version'], 'timemodified' => [$int, 'Last modification time']];
        switch ($entity) {
            case 'shops':
                $keys = self::values([
                    'id' => [$int, 'Shop id'], 'name' => [$text, 'Shop name'], 'description' => [$raw, 'Description (HTML)'],
                    'currency' => [PARAM_ALPHA, 'ISO 4217 currency code'], 'catalogid' => [$int, 'The shop catalog'],
                    'allowtax' => [$int, '1 when the shop applies taxes'],
                    'discountthresholdcents' => [$int, 'Amount above which discounts apply, in cents'],
                    'discountrate' => [$int, 'First discount rate, basis points'],
                    'discountrate2' => [$int, 'Second discount rate, basis points'],
                    'discountrate3' => [$int, 'Third discount rate, basis points'], 'eula' => [$raw, 'Shop terms (HTML)'],
                    'paymodes' => [$text, 'Enabled pay modes, comma separated'], 'defaultpaymode' => [$text, 'Default pay mode'],
                    'defaultcustomersupportcourse' => [$int, 'Customer support course id'],
                    'timemodified' => [$int, 'Last modification time'],
                ]);
                break;
            case 'taxes':
                $keys = self::values([
                    'id' => [$int, 'Tax id'], 'country' => [$text, 'Country code'], 'title' => [$text, 'Tax title'],
                    'ratio' => [$int, 'Rate, basis points'], 'formula' => [$text, 'Formula'],
                    'timemodified' => [$int, 'Last modification time'],
                ]);
                break;
            case 'catalogs':
                $keys = self::values([
                    'id' => [$int, 'Catalog id'], 'name' => [$text, 'Catalog name'], 'description' => [$raw, 'Description (HTML)'],
                    'salesconditions' => [$raw, 'Sales conditions (HTML)'],
                    'groupid' => [$int, '0 standalone, own id master, another catalog id slave of that master'],
                    'countryrestrictions' => [$text, 'Country restrictions'], 'billfooter' => [$raw, 'Bill footer (HTML)'],
                ] + $versioned);
                break;
            case 'categories':
                $keys = self::values([
                    'id' => [$int, 'Category id'], 'catalogid' => [$int, 'Catalog id'],
                    'parentid' => [$int, 'Parent category id, 0 at the root'], 'name' => [$text, 'Category name'],
                    'description' => [$raw, 'Description (HTML)'], 'sortorder' => [$int, 'Sort order'],
                    'visible' => [$int, 'Visible'], 'seoalias' => [$text, 'SEO alias'],
                ] + $versioned);
                break;
            case 'catalogitems':
                $head = self::values([
                    'id' => [$int, 'Item id'], 'catalogid' => [$int, 'Catalog id'], 'categoryid' => [$int, 'Category id'],
                    'code' => [$text, 'Item code'], 'shortname' => [$text, 'Short name'], 'name' => [$text, 'Name'],
                    'idnumber' => [$text, 'ID number'], 'description' => [$raw, 'Description (HTML)'],
                    'notes' => [$raw, 'Notes (HTML)'], 'eula' => [$raw, 'Item terms (HTML)'],
                ]);
                $head['prices'] = new external_multiple_structure(self::price_tier(), 'Price tiers');
                $keys = $head + self::values([
                    'taxcode' => [$int, 'Tax id'], 'stock' => [$int, 'Stock'], 'sold' => [$int, 'Sold'],
                    'status' => [$text, 'PREVIEW, AVAILABLE, AVAILABLEINTERNAL, SUSPENDED, PROVIDING or ABANDONED'],
                    'maxdeliveryquant' => [$int, 'Maximum quantity per order'],
                    'onlyforloggedin' => [$int, 'Only for logged in users'],
                    'seatmode' => [$int, 'Quantity means seats with named participants'], 'renewable' => [$int, 'Renewable'],
                    'type' => [$text, 'plain, set or bundle'],
                    'setid' => [$int, 'The set or bundle the item belongs to, 0 if none'],
                    'requireddata' => [$raw, 'Required data descriptions (JSON)'],
                    'enablehandler' => [$text, 'Product handler, empty for none'],
                    'handlerparams' => [$raw, 'Handler parameters, k1=v1&k2=v2 as local_shop reads them, nothing encoded'],
                ] + $versioned);
                break;
            case 'customers':
                $keys = self::values([
                    'id' => [$int, 'Customer id'], 'shopid' => [$int, 'Shop id'], 'firstname' => [$text, 'First name'],
                    'lastname' => [$text, 'Last name'], 'email' => [$text, 'Email'], 'address' => [$text, 'Address'],
                    'zip' => [$text, 'Zip code'], 'city' => [$text, 'City'], 'country' => [$text, 'Country code'],
                    'organisation' => [$text, 'Organisation'], 'hasaccount' => [$int, 'Moodle user id, 0 if none'],
                    'invoiceinfo' => [$raw, 'Invoicing identity (JSON)'], 'timecreated' => [$int, 'Creation time'],
                ] + $versioned);
                break;
            case 'bills':
                $keys = self::bill_keys();
                break;
            case 'products':
                $keys = self::values([
                    'id' => [$int, 'Product id'], 'catalogitemid' => [$int, 'Catalog item id'],
                    'initialbillitemid' => [$int, 'Bill item that created the product'],
                    'currentbillitemid' => [$int, 'Bill item that last changed it'], 'customerid' => [$int, 'Customer id'],
                    'contexttype' => [$text, 'Context type'], 'instanceid' => [$int, 'Instance id'],
                    'startdate' => [$int, 'Start date'], 'enddate' => [$int, 'End date, 0 for none'],
                    'reference' => [$text, 'Reference WWWW-XXXX-YYYY-ZZCC'], 'productiondata' => [$raw, 'Production data'],
                    'extradata' => [$raw, 'Extra data'], 'deleted' => [$int, 'Deleted'], 'test' => [$int, 'Test'],
                    'timemodified' => [$int, 'Last modification time'],
                ]);
                break;
            case 'productevents':
                $keys = self::values([
                    'id' => [$int, 'Event id'], 'productid' => [$int, 'Product id'], 'billitemid' => [$int, 'Bill item id'],
                    'eventtype' => [$text, 'Event type'], 'eventdata' => [$raw, 'Event data'],
                    'datecreated' => [$int, 'Creation date'], 'timemodified' => [$int, 'Modification time'],
                ]);
                break;
            default:
                throw new \coding_exception("Unknown entity {$entity}");
        }
        return new external_single_structure($keys, "A {$entity} record", $required);
    }

    /**
     * A price tier.
     *
     * @return external_single_structure
     */
    public static function price_tier(): external_single_structure {
        return new external_single_structure([
            'fromquantity' => new external_value(PARAM_INT, 'The tier applies from this quantity'),
            'unitcents' => new external_value(PARAM_INT, 'Untaxed unit price in cents'),
        ]);
    }

    /**
     * A bill's keys, its lines, payments, history and credit notes included.
     *
     * @return array
     */
    private static function bill_keys(): array {
        $int = PARAM_INT;
        $text = PARAM_TEXT;
        $raw = PARAM_RAW;
        $keys = self::values([
            'id' => [$int, 'Bill id'], 'shopid' => [$int, 'Shop id'],
            'idnumber' => [$text, 'Lettering (invoice number), empty when none'], 'ordering' => [$int, 'Ordering'],
            'customerid' => [$int, 'Customer id'], 'userid' => [$int, 'Moodle user id'], 'title' => [$text, 'Title'],
            'worktype' => [$text, 'Work type'], 'status' => [$text, 'Status'], 'remotestatus' => [$text, 'Remote status'],
            'emissiondate' => [$int, 'Emission date'], 'lastactiondate' => [$int, 'Last action date'],
            'assignedto' => [$int, 'Assigned to'], 'timetodo' => [$int, 'Time to do'], 'currency' => [PARAM_ALPHA, 'Currency'],
            'untaxedcents' => [$int, 'Untaxed amount in cents'], 'taxcents' => [$int, 'Taxes in cents'],
            'amountcents' => [$int, 'Amount in cents'], 'discountcents' => [$int, 'Discount in cents'],
            'untaxeddiscountcents' => [$int, 'Untaxed discount in cents'],
            'discounttaxcents' => [$int, 'Discount taxes in cents'], 'shippingcents' => [$int, 'Shipping in cents'],
            'paymentfeecents' => [$int, 'Payment fee in cents'], 'paidcents' => [$int, 'Paid in cents'],
            'paymode' => [$text, 'Pay mode'], 'transactionid' => [$text, 'Transaction id'],
            'onlinetransactionid' => [$text, 'Online transaction id'], 'ignoretax' => [$int, 'Ignore tax'],
            'productionfeedback' => [$raw, 'Production feedback'], 'invoiceinfo' => [$raw, 'Invoicing identity (JSON)'],
            'test' => [$int, 'Test bill'], 'partnerid' => [$int, 'Partner id'], 'partnertag' => [$text, 'Partner tag'],
            'version' => [$int, 'Version'], 'timemodified' => [$int, 'Last modification time'],
        ]);
        $keys['items'] = new external_multiple_structure(new external_single_structure(self::values([
            'id' => [$int, 'Bill item id'], 'ordering' => [$int, 'Line order'],
            'type' => [$text, 'BILLING, MANUAL, DISCOUNT or SHIPPING'], 'itemcode' => [$text, 'Catalog item code'],
            'catalogitemid' => [$int, 'Catalog item id'], 'abstract' => [$text, 'Abstract'],
            'description' => [$raw, 'Description (HTML)'], 'delay' => [$int, 'Delay'],
            'unitcents' => [$int, 'Untaxed unit price in cents'], 'quantity' => [$int, 'Quantity'],
            'totalcents' => [$int, 'Untaxed line total in cents'], 'taxcode' => [$int, 'Tax id'],
            'taxratio' => [$int, 'Tax rate at billing time, basis points'], 'taxcents' => [$int, 'Tax of the line in cents'],
            'bundleid' => [$int, 'Bundle id'], 'customerdata' => [$raw, 'Customer data (JSON)'],
            'productiondata' => [$raw, 'Production data'],
        ])), 'Bill lines');
        $keys['payments'] = new external_multiple_structure(new external_single_structure(self::values([
            'id' => [$int, 'Payment id'], 'amountcents' => [$int, 'Amount in cents'], 'paymode' => [$text, 'Pay mode'],
            'paidon' => [$int, 'Payment date'], 'reference' => [$text, 'Check number or transfer reference'],
            'timecreated' => [$int, 'Recording time'],
        ])), 'Payments');
        $keys['history'] = new external_multiple_structure(new external_single_structure(self::values([
            'id' => [$int, 'History id'], 'fromstatus' => [$text, 'Status before'], 'tostatus' => [$text, 'Status after'],
            'timecreated' => [$int, 'Time of the change'], 'userid' => [$int, 'Who made the change (0: the shop itself)'],
            'note' => [$text, 'Note'],
        ])), 'Status history');
        $keys['creditnotes'] = new external_multiple_structure(new external_single_structure(self::values([
            'id' => [$int, 'Credit note id'], 'number' => [$text, 'Credit note number, AV-<year>-<sequence>'],
            'issuedat' => [$int, 'Issue time'], 'reason' => [$text, 'Why it was issued'],
            'untaxedcents' => [$int, 'Untaxed amount credited in cents'], 'taxcents' => [$int, 'Tax credited in cents'],
            'amountcents' => [$int, 'Amount credited in cents'], 'refundcents' => [$int, 'Amount refunded in cents'],
            'refundpaymode' => [$text, 'How it was refunded'], 'refundedon' => [$int, 'Refund date'],
            'refundreference' => [$text, 'Refund reference'], 'userid' => [$int, 'Who issued it'],
        ])), 'Credit notes');
        $keys['creditlines'] = new external_multiple_structure(new external_single_structure(self::values([
            'id' => [$int, 'Credit line id'], 'creditnoteid' => [$int, 'Credit note id'],
            'billitemid' => [$int, 'Bill line credited'], 'quantity' => [$int, 'Quantity credited'],
            'totalcents' => [$int, 'Untaxed amount credited on the line in cents'],
            'taxratio' => [$int, 'Tax rate of the line, basis points'], 'taxcents' => [$int, 'Tax credited on the line in cents'],
        ])), 'Credit note lines');
        return $keys;
    }

    /**
     * The answer of a versioned write.
     *
     * @param string|null $entity the record's entity, null for deletes (no record)
     * @return external_single_structure
     */
    public static function versioned_answer(?string $entity): external_single_structure {
        $keys = [
            'status' => new external_value(PARAM_ALPHA, 'applied; conflict (stale base version, nothing written); gone'),
            'replayed' => new external_value(PARAM_INT, '1 when this mutation id had already been applied'),
            'id' => new external_value(PARAM_INT, "The record's id (the new id after a creation)"),
            'version' => new external_value(PARAM_INT, 'Its version after the write (the current one on conflict)'),
        ];
        if ($entity !== null) {
            $keys['current'] = self::record($entity, VALUE_OPTIONAL);
        }
        return new external_single_structure($keys);
    }

    /**
     * The answer of a bill write: status, replayed, more keys, the bill.
     *
     * @param array $more
     * @return external_single_structure
     */
    public static function bill_answer(array $more = []): external_single_structure {
        return new external_single_structure([
            'status' => new external_value(PARAM_ALPHA, 'applied, or conflict when the bill was not in fromstatus'),
            'replayed' => new external_value(PARAM_INT, '1 when this mutation id had already been applied'),
        ] + $more + ['bill' => self::record('bills')]);
    }

    /**
     * The client mutation id parameter.
     *
     * @return external_value
     */
    public static function client_mutation_id(): external_value {
        return new external_value(PARAM_ALPHANUMEXT, 'Unique id of this write (8 to 64 characters): a repeat is not applied again');
    }

    /**
     * The base version parameter.
     *
     * @return external_value
     */
    public static function base_version(): external_value {
        return new external_value(PARAM_INT, 'The version the edit was made on (0 to create)');
    }
}
