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

/**
 * English strings.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$string['billnotpaid'] = 'Only a paid or partly paid bill (SOLDOUT, COMPLETE, PARTIAL) can receive an invoice number.';
$string['billnotpayable'] = 'A payment cannot be recorded on a bill in this status.';
$string['catalognametaken'] = 'Another catalog already has this name: catalog names are unique in the shop.';
$string['catalognotempty'] = 'This catalog is not empty: delete its categories and items, detach its slave catalogs, and give its shops another catalog first.';
$string['categorynotempty'] = 'This category is not empty: move or delete its items and subcategories first.';
$string['changedonsite'] = 'Changed on the site';
$string['codetaken'] = 'Another item of this catalog already has this code.';
$string['currencymismatch'] = "The payment's currency is not the bill's currency.";
$string['idnumbertaken'] = 'Another bill already has this invoice number.';
$string['invalidmastercatalog'] = 'The master catalog is not valid: a slave must name a master catalog, and a master that has slaves must stay a master.';
$string['invalidparent'] = 'The parent category is not valid: it must be a category of the same catalog, and not the category itself or one below it.';
$string['invalidpricetiers'] = 'The price tiers are not valid: give 1 to 5 tiers, quantities strictly increasing from 1, prices not negative.';
$string['invalidrequireddata'] = 'The required data is not valid: it must be a JSON array of field descriptions.';
$string['invalidsetid'] = 'The set or bundle is not valid: it must be a set or bundle item of the same catalog.';
$string['invalidemail'] = 'The email address is not valid.';
$string['invalidtransition'] = "This status change is not in the shop's flow-control table.";
$string['itemnotinbill'] = 'This bill item does not belong to this bill.';
$string['itemsold'] = 'Bills refer to this item: it cannot be deleted. Set its status to ABANDONED instead.';
$string['mutationdays'] = 'Keep mutation ids for (days)';
$string['mutationdays_desc'] = 'A write the back-office repeats after a lost connection is recognised by its mutation id and not applied twice, as long as the id is kept. At least 30 days.';
$string['paymentexceedsdue'] = 'This payment would take the amount paid above the amount of the bill.';
$string['billnotrefundable'] = 'Only an invoiced bill that is paid (SOLDOUT or COMPLETE) can be credited and refunded.';
$string['creditexceedsline'] = 'A line would be credited beyond what is left to credit on it, or against its sign.';
$string['refundmismatch'] = 'The refund must be the credit note\'s total, and cannot exceed what was paid less what was refunded.';
$string['pluginname'] = 'Shop back-office';
$string['privacy:metadata:local_shopbackoffice_creditnote'] = 'Credit notes issued on shop bills, with their refunds.';
$string['privacy:metadata:local_shopbackoffice_creditnote:issuedat'] = 'When the credit note was issued.';
$string['privacy:metadata:local_shopbackoffice_creditnote:userid'] = 'The user who issued the credit note.';
$string['privacy:metadata:local_shopbackoffice_history'] = 'The status history of shop bills: who changed a bill\'s status, when, and their note.';
$string['privacy:metadata:local_shopbackoffice_history:note'] = 'The note given with the change.';
$string['privacy:metadata:local_shopbackoffice_history:timecreated'] = 'When the status changed.';
$string['privacy:metadata:local_shopbackoffice_history:userid'] = 'The user who changed the status.';
$string['privacy:metadata:local_shopbackoffice_mutation'] = 'The writes made through the back-office, kept for a while so that a repeated write is not applied twice.';
$string['privacy:metadata:local_shopbackoffice_mutation:answer'] = 'The answer given to the write.';
$string['privacy:metadata:local_shopbackoffice_mutation:timecreated'] = 'When the write was made.';
$string['privacy:metadata:local_shopbackoffice_mutation:userid'] = 'The user who made the write.';
$string['privacy:metadata:local_shopbackoffice_payment'] = 'Payments recorded on shop bills.';
$string['privacy:metadata:local_shopbackoffice_payment:reference'] = 'The check number or transfer reference.';
$string['privacy:metadata:local_shopbackoffice_payment:timecreated'] = 'When the payment was recorded.';
$string['privacy:metadata:local_shopbackoffice_payment:userid'] = 'The user who recorded the payment.';
$string['scaninterval'] = 'Scan for changes at most every (seconds)';
$string['scaninterval_desc'] = 'Changes made on the site (the shop\'s own pages, its cron, a database edit) are found by comparing every record with what was last seen. A sync call scans its entity when the last scan is older than this; the scheduled task scans every minute. 0 scans on every call.';
$string['settling'] = 'Settling window (seconds)';
$string['settling_desc'] = 'Changes younger than this are not served yet, so that a change whose transaction is still open can never be passed by a client\'s cursor. Raise it if some write transactions of the site last longer, or if the site runs on several web servers whose clocks differ by more than a second.';
$string['shopbackoffice:use'] = 'Use the shop back-office web services';
$string['task:trackchanges'] = 'Find changes made to the shop outside the back-office';
$string['unknownhandler'] = 'This product handler is not installed on the site.';
