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
 * Catalog and category writes: master/slave rules for catalogs, the category tree, and the emptiness checks
 * before a delete. Every method runs inside the caller's transaction and records itself with the tracker.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class catalog_writer {
    /** @var array a new catalog's fields */
    public const CATALOG_DEFAULTS = ['name' => '', 'description' => '', 'salesconditions' => '', 'groupid' => 0,
        'countryrestrictions' => '', 'billfooter' => ''];
    /** @var array a new category's fields */
    public const CATEGORY_DEFAULTS = ['catalogid' => 0, 'parentid' => 0, 'name' => '', 'description' => '',
        'sortorder' => 0, 'visible' => 1, 'seoalias' => ''];

    /**
     * Checks a name: 1 to 255 characters.
     *
     * @param string $name
     */
    private static function require_name(string $name): void {
        $length = \core_text::strlen($name);
        if ($length < 1 || $length > 255) {
            throw new \invalid_parameter_exception("name must have 1 to 255 characters, not {$length}");
        }
    }

    /**
     * How many slaves a catalog has.
     *
     * @param int $catalogid
     * @return int
     */
    private static function slave_count(int $catalogid): int {
        global $DB;
        return $DB->count_records_select('local_shop_catalog', 'groupid = :g AND id <> :id', ['g' => $catalogid, 'id' => $catalogid]);
    }

    /**
     * groupid: 0 stands alone, the catalog's own id makes it a master, another id makes it a slave of that
     * master. A master that has slaves must stay a master, or its slaves would point at a non-master.
     *
     * @param int $id 0 for a new catalog
     * @param int $groupid
     */
    private static function check_group(int $id, int $groupid): void {
        global $DB;
        if ($id !== 0 && $groupid === $id) {
            return;
        }
        if ($id !== 0 && self::slave_count($id) > 0) {
            throw shop_error::of('invalidmastercatalog', "catalog {$id} has slaves and must stay a master");
        }
        if ($groupid === 0) {
            return;
        }
        $master = $DB->get_record('local_shop_catalog', ['id' => $groupid], 'id, groupid');
        if (!$master || (int) $master->groupid !== (int) $master->id) {
            throw shop_error::of('invalidmastercatalog', "catalog {$groupid} is not a master catalog");
        }
    }

    /**
     * Saves a catalog.
     *
     * @param int $baseversion
     * @param array $input the filled fields
     * @return array the versioned answer
     */
    public static function save_catalog(int $baseversion, array $input): array {
        global $DB;
        self::require_name($input['name']);
        $fields = [
            'name' => $input['name'],
            'description' => clean_text($input['description']),
            'salesconditions' => clean_text($input['salesconditions']),
            'groupid' => (int) $input['groupid'],
            'countryrestrictions' => $input['countryrestrictions'],
            'billfooter' => clean_text($input['billfooter']),
        ];
        $id = (int) $input['id'];
        if ($id === 0) {
            versioned::require_creation_base($baseversion);
            self::check_group(0, $fields['groupid']);
            self::check_name_free($fields['name'], 0);
            $id = $DB->insert_record('local_shop_catalog', (object) ($fields + ['descriptionformat' => FORMAT_HTML,
                'salesconditionsformat' => FORMAT_HTML, 'billfooterformat' => FORMAT_HTML]));
        } else {
            if ($refusal = versioned::refusal('catalogs', $id, $baseversion)) {
                return $refusal;
            }
            self::check_group($id, $fields['groupid']);
            self::check_name_free($fields['name'], $id);
            $DB->update_record('local_shop_catalog', (object) (['id' => $id] + $fields));
        }
        tracker::touch('catalogs', $id);
        return versioned::applied('catalogs', $id);
    }

    /**
     * local_shop keeps catalog names unique (its key nom_unique): refused here with a code, not a database error.
     *
     * @param string $name
     * @param int $id
     */
    private static function check_name_free(string $name, int $id): void {
        global $DB;
        if ($DB->record_exists_select('local_shop_catalog', 'name = :name AND id <> :id', ['name' => $name, 'id' => $id])) {
            throw shop_error::of('catalognametaken', $name);
        }
    }

    /**
     * Deletes an empty catalog.
     *
     * @param int $id
     * @param int $baseversion
     * @return array
     */
    public static function delete_catalog(int $id, int $baseversion): array {
        global $DB;
        if ($refusal = versioned::refusal('catalogs', $id, $baseversion, false)) {
            return $refusal;
        }
        $categories = $DB->count_records('local_shop_catalogcategory', ['catalogid' => $id]);
        $items = $DB->count_records('local_shop_catalogitem', ['catalogid' => $id]);
        $slaves = self::slave_count($id);
        if ($categories + $items + $slaves > 0) {
            throw shop_error::of('catalognotempty', "catalog {$id}: {$categories} categories, {$items} items, {$slaves} slaves");
        }
        if ($DB->record_exists('local_shop', ['catalogid' => $id])) {
            throw shop_error::of('catalognotempty', "catalog {$id} is a shop's catalog");
        }
        $DB->delete_records('local_shop_catalog', ['id' => $id]);
        return ['status' => 'applied', 'replayed' => 0, 'id' => $id, 'version' => tracker::touch('catalogs', $id)];
    }

    /**
     * The parent must be 0 or a category of the same catalog, and not the category itself or one below it.
     *
     * @param int $id
     * @param int $catalogid
     * @param int $parentid
     */
    private static function check_parent(int $id, int $catalogid, int $parentid): void {
        global $DB;
        if ($parentid === 0) {
            return;
        }
        $cursor = $DB->get_record('local_shop_catalogcategory', ['id' => $parentid], 'id, catalogid, parentid');
        if (!$cursor || (int) $cursor->catalogid !== $catalogid) {
            throw shop_error::of('invalidparent', "category {$parentid} is not a category of catalog {$catalogid}");
        }
        // Walk up from the new parent: meeting the category itself means the move would make a cycle.
        $seen = [];
        while ($cursor) {
            if ((int) $cursor->id === $id) {
                throw shop_error::of('invalidparent', "category {$parentid} is below category {$id}");
            }
            if (isset($seen[$cursor->id])) {
                break;
            }
            $seen[$cursor->id] = true;
            $cursor = (int) $cursor->parentid === 0 ? null
                : $DB->get_record('local_shop_catalogcategory', ['id' => $cursor->parentid], 'id, catalogid, parentid');
        }
    }

    /**
     * Saves a category.
     *
     * @param int $baseversion
     * @param array $input
     * @return array
     */
    public static function save_category(int $baseversion, array $input): array {
        global $DB;
        self::require_name($input['name']);
        $catalogid = (int) $input['catalogid'];
        if (!$DB->record_exists('local_shop_catalog', ['id' => $catalogid])) {
            throw shop_error::missing('local_shop_catalog', $catalogid);
        }
        $fields = [
            'catalogid' => $catalogid, 'parentid' => (int) $input['parentid'], 'name' => $input['name'],
            'description' => clean_text($input['description']), 'sortorder' => (int) $input['sortorder'],
            'visible' => (int) $input['visible'], 'seoalias' => $input['seoalias'],
        ];
        if (\core_text::strlen($fields['seoalias']) > 64) {
            throw new \invalid_parameter_exception('seoalias must have at most 64 characters');
        }
        $id = (int) $input['id'];
        if ($id === 0) {
            versioned::require_creation_base($baseversion);
            self::check_parent(0, $catalogid, $fields['parentid']);
            $id = $DB->insert_record('local_shop_catalogcategory', (object) ($fields + ['descriptionformat' => FORMAT_HTML]));
        } else {
            if ($refusal = versioned::refusal('categories', $id, $baseversion)) {
                return $refusal;
            }
            $current = (int) $DB->get_field('local_shop_catalogcategory', 'catalogid', ['id' => $id]);
            if ($current !== $catalogid) {
                // Moving a category to another catalog would strand its items and subcategories in the old one.
                throw new \invalid_parameter_exception("category {$id} belongs to catalog {$current}: a category cannot change catalog");
            }
            self::check_parent($id, $catalogid, $fields['parentid']);
            $DB->update_record('local_shop_catalogcategory', (object) (['id' => $id] + $fields));
        }
        tracker::touch('categories', $id);
        return versioned::applied('categories', $id);
    }

    /**
     * Deletes an empty category.
     *
     * @param int $id
     * @param int $baseversion
     * @return array
     */
    public static function delete_category(int $id, int $baseversion): array {
        global $DB;
        if ($refusal = versioned::refusal('categories', $id, $baseversion, false)) {
            return $refusal;
        }
        $items = $DB->count_records('local_shop_catalogitem', ['categoryid' => $id]);
        $children = $DB->count_records('local_shop_catalogcategory', ['parentid' => $id]);
        if ($items + $children > 0) {
            throw shop_error::of('categorynotempty', "category {$id}: {$items} items, {$children} subcategories");
        }
        $DB->delete_records('local_shop_catalogcategory', ['id' => $id]);
        return ['status' => 'applied', 'replayed' => 0, 'id' => $id, 'version' => tracker::touch('categories', $id)];
    }
}
