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
 * Catalog item writes (local_shopbackoffice_save_catalogitem and _delete_catalogitem).
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class catalog_item_writer {
    /** @var array a new item's fields */
    public const DEFAULTS = ['catalogid' => 0, 'categoryid' => 0, 'code' => '', 'shortname' => '', 'name' => '',
        'idnumber' => '', 'description' => '', 'notes' => '', 'eula' => '', 'prices' => [], 'taxcode' => 0, 'stock' => 0,
        'status' => 'PREVIEW', 'maxdeliveryquant' => 0, 'onlyforloggedin' => 0, 'seatmode' => 0, 'renewable' => 0,
        'type' => 'plain', 'setid' => 0, 'requireddata' => '', 'enablehandler' => '', 'handlerparams' => ''];

    /** @var array local_shop's column sizes, checked before the database refuses them */
    private const SIZES = ['code' => 32, 'shortname' => 30, 'name' => 255, 'idnumber' => 255, 'enablehandler' => 30];

    /**
     * The catalogs whose categories an item of this catalog may sit in: its own, and its master's for a slave.
     *
     * @param int $catalogid
     * @return int[]
     */
    private static function catalogs_seen_by(int $catalogid): array {
        global $DB;
        $catalog = $DB->get_record('local_shop_catalog', ['id' => $catalogid], 'id, groupid');
        if (!$catalog) {
            return [];
        }
        $groupid = (int) $catalog->groupid;
        return ($groupid !== 0 && $groupid !== $catalogid) ? [$catalogid, $groupid] : [$catalogid];
    }

    /**
     * Checks an item before it is written.
     *
     * @param array $input
     */
    private static function check(array $input): void {
        global $DB;
        $catalogid = (int) $input['catalogid'];
        if (!$DB->record_exists('local_shop_catalog', ['id' => $catalogid])) {
            throw shop_error::missing('local_shop_catalog', $catalogid);
        }
        if (trim($input['code']) === '') {
            throw new \invalid_parameter_exception('code must not be empty');
        }
        foreach (self::SIZES as $field => $size) {
            if (\core_text::strlen((string) $input[$field]) > $size) {
                throw new \invalid_parameter_exception("{$field} must have at most {$size} characters");
            }
        }
        if (!in_array($input['status'], catalog_item_codes::STATUSES, true)) {
            throw new \invalid_parameter_exception("unknown status {$input['status']}");
        }
        if (!in_array($input['type'], catalog_item_codes::TYPES, true)) {
            throw new \invalid_parameter_exception("unknown type {$input['type']}");
        }
        // A slave catalog's item may sit in one of its master's categories: the slave shows them.
        $category = $DB->get_record('local_shop_catalogcategory', ['id' => (int) $input['categoryid']], 'id, catalogid');
        if (!$category || !in_array((int) $category->catalogid, self::catalogs_seen_by($catalogid), true)) {
            throw new \invalid_parameter_exception(
                "category {$input['categoryid']} is not a category of catalog {$catalogid} or of its master");
        }
        if ((int) $input['taxcode'] !== 0 && !$DB->record_exists('local_shop_tax', ['id' => (int) $input['taxcode']])) {
            throw new \invalid_parameter_exception("unknown tax {$input['taxcode']}");
        }
        if ($problem = price_tiers::problem($input['prices'])) {
            throw shop_error::of('invalidpricetiers', $problem);
        }
        if ($problem = catalog_item_codes::required_data_problem($input['requireddata'])) {
            throw shop_error::of('invalidrequireddata', $problem);
        }
        if ($input['enablehandler'] !== '' && !in_array($input['enablehandler'], catalog_item_codes::HANDLERS, true)) {
            throw shop_error::of('unknownhandler', $input['enablehandler']);
        }
        $setid = (int) $input['setid'];
        if ($setid !== 0) {
            $set = $DB->get_record('local_shop_catalogitem', ['id' => $setid], 'id, catalogid, isset');
            if (!$set || $setid === (int) $input['id'] || (int) $set->catalogid !== $catalogid || (int) $set->isset === 0) {
                throw shop_error::of('invalidsetid', "item {$setid} is not a set or bundle of catalog {$catalogid}");
            }
        }
        // Codes are unique within a catalog; a slave's item with a master item's code is an override, in another catalog.
        if ($DB->record_exists_select('local_shop_catalogitem', 'catalogid = :catalogid AND code = :code AND id <> :id',
                ['catalogid' => $catalogid, 'code' => $input['code'], 'id' => (int) $input['id']])) {
            throw shop_error::of('codetaken', "code {$input['code']} in catalog {$catalogid}");
        }
    }

    /**
     * Saves an item.
     *
     * @param int $baseversion
     * @param array $input the filled fields
     * @return array
     */
    public static function save(int $baseversion, array $input): array {
        global $DB, $USER;
        $id = (int) $input['id'];
        if ($id === 0) {
            versioned::require_creation_base($baseversion);
        } else if ($refusal = versioned::refusal('catalogitems', $id, $baseversion)) {
            return $refusal;
        }
        self::check($input);
        $fields = [
            'catalogid' => (int) $input['catalogid'], 'categoryid' => (int) $input['categoryid'], 'code' => $input['code'],
            'shortname' => $input['shortname'], 'name' => $input['name'], 'idnumber' => $input['idnumber'],
            'description' => clean_text($input['description']), 'notes' => clean_text($input['notes']),
            'eula' => clean_text($input['eula']), 'taxcode' => (string) (int) $input['taxcode'],
            'stock' => (int) $input['stock'], 'status' => catalog_item_codes::status_to_stored($input['status']),
            'maxdeliveryquant' => (int) $input['maxdeliveryquant'], 'onlyforloggedin' => (int) $input['onlyforloggedin'],
            'quantaddressesusers' => (int) $input['seatmode'], 'renewable' => (int) $input['renewable'],
            'isset' => (string) catalog_item_codes::type_to_stored($input['type']), 'setid' => (int) $input['setid'],
            'requireddata' => $input['requireddata'], 'enablehandler' => $input['enablehandler'],
            'handlerparams' => $input['handlerparams'],
        ] + price_tiers::to_columns($input['prices']);
        if ($id === 0) {
            $id = $DB->insert_record('local_shop_catalogitem', (object) ($fields + ['userid' => (int) $USER->id, 'sold' => 0,
                'descriptionformat' => FORMAT_HTML, 'notesformat' => FORMAT_HTML, 'eulaformat' => FORMAT_HTML]));
        } else {
            $DB->update_record('local_shop_catalogitem', (object) (['id' => $id] + $fields));
        }
        tracker::touch('catalogitems', $id);
        return versioned::applied('catalogitems', $id);
    }

    /**
     * Deletes an item no bill refers to.
     *
     * @param int $id
     * @param int $baseversion
     * @return array
     */
    public static function delete(int $id, int $baseversion): array {
        global $DB;
        if ($refusal = versioned::refusal('catalogitems', $id, $baseversion, false)) {
            return $refusal;
        }
        $sold = $DB->count_records('local_shopbackoffice_line', ['catalogitemid' => $id])
            + $DB->count_records('local_shop_product', ['catalogitemid' => $id]);
        $code = (string) $DB->get_field('local_shop_catalogitem', 'code', ['id' => $id]);
        $lines = $DB->count_records('local_shop_billitem', ['itemcode' => $code]);
        if ($sold + $lines > 0) {
            throw shop_error::of('itemsold', "bill lines or products refer to item {$id}");
        }
        $DB->delete_records('local_shop_catalogitem', ['id' => $id]);
        return ['status' => 'applied', 'replayed' => 0, 'id' => $id, 'version' => tracker::touch('catalogitems', $id)];
    }
}
