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
 * Loads the back-office's demo data file (docs/demo-data-file.md) into local_shop's tables, so that a real site
 * with this plugin serves the same shop as the simulated site of the same seed. Shop records keep the file's
 * ids (the shop must be empty); the Moodle side (course categories, courses, roles, users) is found by name or
 * made, and what points to it is remapped. Versions are the file's, so a full sync from either site fills the
 * same cache, ids of Moodle users and courses and server times aside.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class demo_loader {
    /** @var string[] local_shop's tables and the plugin's, emptied by purge() */
    public const TABLES = ['local_shop_productevent', 'local_shop_product', 'local_shop_billitem', 'local_shop_bill',
        'local_shop_customer', 'local_shop_catalogitem', 'local_shop_catalogcategory', 'local_shop_catalog', 'local_shop_tax',
        'local_shop', 'local_shopbackoffice_track', 'local_shopbackoffice_payment', 'local_shopbackoffice_history',
        'local_shopbackoffice_line', 'local_shopbackoffice_mutation'];

    /** @var int records per transaction */
    private const CHUNK = 1000;

    /** @var array entity => file id => site id, for the Moodle side */
    private array $map = ['coursecategories' => [], 'courses' => [], 'roles' => [], 'users' => []];
    /** @var array entity => [id => version] for versions other than 1 */
    private array $versions = [];
    /** @var array entity => count */
    private array $counts = [];
    /** @var callable progress reporter fn(string) */
    private $progress;

    /**
     * A loader.
     *
     * @param callable|null $progress fn(string $line)
     */
    public function __construct(?callable $progress = null) {
        $this->progress = $progress ?? function(string $line) {
        };
    }

    /**
     * Empties local_shop's tables and the plugin's (for a demo site only).
     */
    public static function purge(): void {
        global $DB;
        foreach (self::TABLES as $table) {
            $DB->delete_records($table);
        }
        $DB->delete_records_select('local_shopbackoffice_scan', "entity NOT LIKE 'lock:%'");
    }

    /**
     * Whether local_shop's tables hold anything.
     *
     * @return bool
     */
    public static function shop_has_data(): bool {
        global $DB;
        foreach (['local_shop', 'local_shop_catalog', 'local_shop_bill', 'local_shop_customer'] as $table) {
            if ($DB->count_records($table) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Loads a file.
     *
     * @param string $path
     * @return array entity => count of records loaded
     */
    public function load(string $path): array {
        global $DB;
        $handle = @fopen($path, 'rb');
        if (!$handle) {
            throw new \moodle_exception('cannotopenfile', 'error', '', $path);
        }
        try {
            $header = json_decode((string) fgets($handle), true);
            if (!is_array($header) || ($header['format'] ?? '') !== 'local_shopbackoffice-demo' || ($header['version'] ?? 0) !== 1) {
                throw new \invalid_parameter_exception("{$path}:1 is not a local_shopbackoffice-demo file of version 1");
            }
            $line = 1;
            $transaction = $DB->start_delegated_transaction();
            $inchunk = 0;
            while (($text = fgets($handle)) !== false) {
                $line++;
                if (trim($text) === '') {
                    continue;
                }
                $entry = json_decode($text, true);
                if (!is_array($entry) || !isset($entry['entity'], $entry['record'])) {
                    throw new \invalid_parameter_exception("{$path}:{$line} is not an {entity, record} line");
                }
                $this->add($entry['entity'], $entry['record']);
                $this->counts[$entry['entity']] = ($this->counts[$entry['entity']] ?? 0) + 1;
                if (++$inchunk >= self::CHUNK) {
                    $transaction->allow_commit();
                    ($this->progress)("  line {$line}");
                    $transaction = $DB->start_delegated_transaction();
                    $inchunk = 0;
                }
            }
            $transaction->allow_commit();
            foreach ($header['counts'] ?? [] as $entity => $count) {
                if (($this->counts[$entity] ?? 0) !== $count) {
                    throw new \invalid_parameter_exception("{$path}: {$entity}: the header announces {$count}, the file holds "
                        . ($this->counts[$entity] ?? 0) . ' (a cut file?)');
                }
            }
        } finally {
            fclose($handle);
        }
        $this->reset_sequences();
        ($this->progress)('  tracking: scanning every record');
        foreach (entities::SERVED as $entity) {
            tracker::scan_if_due($entity, true);
        }
        $this->apply_versions();
        return $this->counts;
    }

    /**
     * One record.
     *
     * @param string $entity
     * @param array $r
     */
    private function add(string $entity, array $r): void {
        switch ($entity) {
            case 'coursecategories':
                $this->course_category($r);
                break;
            case 'courses':
                $this->course($r);
                break;
            case 'roles':
                $this->role($r);
                break;
            case 'users':
                $this->user($r);
                break;
            case 'shops':
                $this->import('local_shop', [
                    'id' => $r['id'], 'name' => $r['name'], 'description' => $r['description'], 'descriptionformat' => FORMAT_HTML,
                    'currency' => $r['currency'], 'catalogid' => $r['catalogid'], 'allowtax' => $r['allowtax'],
                    'discountthreshold' => money::from_cents($r['discountthresholdcents']),
                    // local_shop keeps whole percentages here.
                    'discountrate' => intdiv($r['discountrate'], 100), 'discountrate2' => intdiv($r['discountrate2'], 100),
                    'discountrate3' => intdiv($r['discountrate3'], 100), 'eula' => $r['eula'], 'eulaformat' => FORMAT_HTML,
                    'paymodes' => stored_value::paymodes_from_text($r['paymodes']), 'defaultpaymode' => $r['defaultpaymode'],
                    'defaultcustomersupportcourse' => $this->mapped('courses', $r['defaultcustomersupportcourse']),
                ]);
                break;
            case 'taxes':
                $this->import('local_shop_tax', ['id' => $r['id'], 'country' => $r['country'], 'title' => $r['title'],
                    'ratio' => money::percent_from_basis_points($r['ratio']), 'formula' => $r['formula']]);
                break;
            case 'catalogs':
                $this->import('local_shop_catalog', ['id' => $r['id'], 'name' => $r['name'], 'description' => $r['description'],
                    'descriptionformat' => FORMAT_HTML, 'salesconditions' => $r['salesconditions'],
                    'salesconditionsformat' => FORMAT_HTML, 'groupid' => $r['groupid'],
                    'countryrestrictions' => $r['countryrestrictions'], 'billfooter' => $r['billfooter'],
                    'billfooterformat' => FORMAT_HTML]);
                $this->version('catalogs', $r);
                break;
            case 'categories':
                $this->import('local_shop_catalogcategory', ['id' => $r['id'], 'catalogid' => $r['catalogid'],
                    'parentid' => $r['parentid'], 'name' => $r['name'], 'description' => $r['description'],
                    'descriptionformat' => FORMAT_HTML, 'sortorder' => $r['sortorder'], 'visible' => $r['visible'],
                    'seoalias' => $r['seoalias']]);
                $this->version('categories', $r);
                break;
            case 'catalogitems':
                $this->import('local_shop_catalogitem', [
                    'id' => $r['id'], 'catalogid' => $r['catalogid'], 'userid' => 0, 'categoryid' => $r['categoryid'],
                    'code' => $r['code'], 'shortname' => $r['shortname'], 'name' => $r['name'], 'idnumber' => $r['idnumber'],
                    'description' => $r['description'], 'descriptionformat' => FORMAT_HTML, 'notes' => $r['notes'],
                    'notesformat' => FORMAT_HTML, 'eula' => $r['eula'], 'eulaformat' => FORMAT_HTML,
                    'taxcode' => (string) $r['taxcode'], 'stock' => $r['stock'], 'sold' => $r['sold'],
                    'status' => catalog_item_codes::status_to_stored($r['status']), 'maxdeliveryquant' => $r['maxdeliveryquant'],
                    'onlyforloggedin' => $r['onlyforloggedin'], 'quantaddressesusers' => $r['seatmode'],
                    'renewable' => $r['renewable'], 'isset' => (string) catalog_item_codes::type_to_stored($r['type']),
                    'setid' => $r['setid'], 'requireddata' => $r['requireddata'], 'enablehandler' => $r['enablehandler'],
                    'handlerparams' => $this->handler_params($r['enablehandler'], $r['handlerparams']),
                ] + price_tiers::to_columns($r['prices']));
                $this->version('catalogitems', $r);
                break;
            case 'customers':
                $this->import('local_shop_customer', ['id' => $r['id'], 'shopid' => $r['shopid'], 'firstname' => $r['firstname'],
                    'lastname' => $r['lastname'], 'email' => $r['email'], 'address' => $r['address'], 'zip' => $r['zip'],
                    'city' => $r['city'], 'country' => $r['country'], 'organisation' => $r['organisation'],
                    'hasaccount' => $this->mapped('users', $r['hasaccount']), 'invoiceinfo' => $r['invoiceinfo'],
                    'timecreated' => $r['timecreated']]);
                $this->version('customers', $r);
                break;
            case 'bills':
                $this->bill($r);
                break;
            case 'products':
                $this->import('local_shop_product', ['id' => $r['id'], 'catalogitemid' => $r['catalogitemid'],
                    'initialbillitemid' => $r['initialbillitemid'], 'currentbillitemid' => $r['currentbillitemid'],
                    'customerid' => $r['customerid'], 'contexttype' => $r['contexttype'], 'instanceid' => $r['instanceid'],
                    'startdate' => $r['startdate'], 'enddate' => $r['enddate'], 'reference' => $r['reference'],
                    'productiondata' => $r['productiondata'], 'extradata' => $r['extradata'], 'deleted' => $r['deleted'],
                    'test' => $r['test']]);
                break;
            case 'productevents':
                $this->import('local_shop_productevent', ['id' => $r['id'], 'productid' => $r['productid'],
                    'billitemid' => $r['billitemid'], 'eventtype' => $r['eventtype'], 'eventdata' => $r['eventdata'],
                    'datecreated' => $r['datecreated']]);
                break;
            default:
                throw new \invalid_parameter_exception("unknown entity {$entity}");
        }
    }

    /**
     * A bill, its lines, payments and history.
     *
     * @param array $r
     */
    private function bill(array $r): void {
        $nullable = fn(string $text) => $text === '' ? null : $text;
        $assignedto = $this->mapped('users', $r['assignedto']);
        $this->import('local_shop_bill', [
            'id' => $r['id'], 'blockid' => 0, 'shopid' => $r['shopid'], 'userid' => $this->mapped('users', $r['userid']),
            'idnumber' => $r['idnumber'], 'ordering' => $r['ordering'], 'customerid' => (string) $r['customerid'],
            'invoiceinfo' => $r['invoiceinfo'], 'title' => $r['title'], 'worktype' => $r['worktype'], 'status' => $r['status'],
            'remotestatus' => $r['remotestatus'], 'emissiondate' => $r['emissiondate'], 'lastactiondate' => $r['lastactiondate'],
            'assignedto' => $assignedto ? (string) $assignedto : '', 'timetodo' => $r['timetodo'],
            'untaxedamount' => money::from_cents($r['untaxedcents']), 'taxes' => money::from_cents($r['taxcents']),
            'amount' => money::from_cents($r['amountcents']), 'currency' => $r['currency'],
            'convertedamount' => money::from_cents($r['amountcents']),
            // Unique in local_shop's schema: several empty ones would collide, NULLs do not.
            'transactionid' => $nullable($r['transactionid']), 'onlinetransactionid' => $r['onlinetransactionid'],
            'paiedamount' => money::from_cents($r['paidcents']), 'discount' => money::from_cents($r['discountcents']),
            'untaxeddiscount' => money::from_cents($r['untaxeddiscountcents']),
            'discounttaxes' => money::from_cents($r['discounttaxcents']), 'paymode' => $r['paymode'],
            'ignoretax' => $r['ignoretax'], 'productiondata' => '', 'paymentfee' => money::from_cents($r['paymentfeecents']),
            'productionfeedback' => $r['productionfeedback'] === '' ? '' : stored_value::feedback_append('', $r['productionfeedback']),
            'test' => $r['test'], 'partnerid' => $r['partnerid'], 'partnertag' => $r['partnertag'],
        ]);
        foreach ($r['items'] as $line) {
            $this->import('local_shop_billitem', [
                'id' => $line['id'], 'billid' => $r['id'], 'ordering' => $line['ordering'], 'type' => $line['type'],
                'itemcode' => $line['itemcode'], 'catalogitem' => '', 'abstract' => $line['abstract'],
                'description' => $line['description'], 'delay' => $line['delay'], 'unitcost' => money::from_cents($line['unitcents']),
                'quantity' => $line['quantity'], 'totalprice' => money::from_cents($line['totalcents']),
                'taxcode' => (string) $line['taxcode'], 'bundleid' => $line['bundleid'],
                'customerdata' => stored_value::from_text($line['customerdata']),
                'productiondata' => stored_value::from_text($line['productiondata']),
            ]);
            $this->insert('local_shopbackoffice_line', ['billitemid' => $line['id'], 'catalogitemid' => $line['catalogitemid'],
                'taxratio' => $line['taxratio'], 'taxcents' => $line['taxcents']]);
        }
        foreach ($r['payments'] as $payment) {
            $this->import('local_shopbackoffice_payment', ['id' => $payment['id'], 'billid' => $r['id'],
                'amountcents' => $payment['amountcents'], 'currency' => $r['currency'], 'paymode' => $payment['paymode'],
                'paidon' => $payment['paidon'], 'reference' => $payment['reference'], 'userid' => 0,
                'timecreated' => $payment['timecreated']]);
        }
        foreach ($r['history'] as $step) {
            $this->import('local_shopbackoffice_history', ['id' => $step['id'], 'billid' => $r['id'],
                'fromstatus' => $step['fromstatus'], 'tostatus' => $step['tostatus'], 'timecreated' => $step['timecreated'],
                'userid' => $this->mapped('users', $step['userid']), 'note' => $step['note']]);
        }
        $this->version('bills', $r);
    }

    /**
     * A course category, found by name or made.
     *
     * @param array $r
     */
    private function course_category(array $r): void {
        global $DB;
        $parent = $r['parent'] ? $this->mapped('coursecategories', $r['parent']) : 0;
        $id = $r['id'] === 1 ? (int) $DB->get_field_sql('SELECT MIN(id) FROM {course_categories}')
            : (int) $DB->get_field('course_categories', 'id', ['name' => $r['name'], 'parent' => $parent], IGNORE_MULTIPLE);
        if (!$id) {
            $id = \core_course_category::create(['name' => $r['name'], 'parent' => $parent])->id;
        }
        $this->map['coursecategories'][$r['id']] = (int) $id;
    }

    /**
     * A course, found by shortname or made.
     *
     * @param array $r
     */
    private function course(array $r): void {
        global $CFG, $DB;
        require_once($CFG->dirroot . '/course/lib.php');
        $id = (int) $DB->get_field('course', 'id', ['shortname' => $r['shortname']]);
        if (!$id) {
            $id = (int) create_course((object) ['fullname' => $r['fullname'], 'shortname' => $r['shortname'],
                'idnumber' => $r['idnumber'], 'category' => $this->mapped('coursecategories', $r['categoryid'])])->id;
        }
        $this->map['courses'][$r['id']] = $id;
    }

    /**
     * A role, found by shortname or made (as a student-like role).
     *
     * @param array $r
     */
    private function role(array $r): void {
        global $DB;
        $id = (int) $DB->get_field('role', 'id', ['shortname' => $r['shortname']]);
        if (!$id) {
            $id = create_role($r['name'], $r['shortname'], '', 'student');
            set_role_contextlevels($id, [CONTEXT_SYSTEM, CONTEXT_COURSE]);
        }
        $this->map['roles'][$r['id']] = $id;
    }

    /**
     * A user, found by username or made (manual accounts, no password that works: they are demo people).
     *
     * @param array $r
     */
    private function user(array $r): void {
        global $CFG, $DB;
        $id = (int) $DB->get_field('user', 'id', ['username' => $r['username'], 'mnethostid' => $CFG->mnet_localhost_id]);
        if (!$id) {
            $id = (int) $DB->insert_record('user', (object) [
                'auth' => 'manual', 'confirmed' => 1, 'mnethostid' => $CFG->mnet_localhost_id, 'username' => $r['username'],
                'password' => AUTH_PASSWORD_NOT_CACHED, 'firstname' => $r['firstname'], 'lastname' => $r['lastname'],
                'email' => $r['email'], 'timecreated' => time(), 'timemodified' => time(),
            ]);
            \context_user::instance($id);
        }
        $this->map['users'][$r['id']] = $id;
    }

    /**
     * The site's id for a file id of the Moodle side; 0 stays 0, and ids the file does not define (the admin, 2)
     * are the site's own.
     *
     * @param string $entity
     * @param int $id
     * @return int
     */
    private function mapped(string $entity, int $id): int {
        if ($id === 0) {
            return 0;
        }
        return $this->map[$entity][$id] ?? $id;
    }

    /**
     * Handler parameters with the Moodle ids they name remapped (a course id for std_assignroleoncontext).
     *
     * @param string $handler
     * @param string $params
     * @return string
     */
    private function handler_params(string $handler, string $params): string {
        if ($handler !== 'std_assignroleoncontext' || $params === '') {
            return $params;
        }
        $values = handler_params::parse($params);
        if (!empty($values['instance']) && (int) ($values['contextlevel'] ?? 0) === CONTEXT_COURSE) {
            $values['instance'] = (string) $this->mapped('courses', (int) $values['instance']);
        }
        return handler_params::join($values);
    }

    /**
     * Keeps a record's version when it is not 1.
     *
     * @param string $entity
     * @param array $r
     */
    private function version(string $entity, array $r): void {
        if (isset($r['version']) && (int) $r['version'] !== 1) {
            $this->versions[$entity][(int) $r['id']] = (int) $r['version'];
        }
    }

    /**
     * Inserts a row with its id.
     *
     * @param string $table
     * @param array $row
     */
    private function import(string $table, array $row): void {
        global $DB;
        $DB->import_record($table, (object) $row);
    }

    /**
     * Inserts a row with a new id.
     *
     * @param string $table
     * @param array $row
     */
    private function insert(string $table, array $row): void {
        global $DB;
        $DB->insert_record($table, (object) $row, false);
    }

    /**
     * Moves the sequences of tables filled with given ids past them.
     */
    private function reset_sequences(): void {
        global $DB;
        $manager = $DB->get_manager();
        foreach (self::TABLES as $table) {
            $manager->reset_sequence(new \xmldb_table($table));
        }
    }

    /**
     * Gives tracked records the file's versions.
     */
    private function apply_versions(): void {
        global $DB;
        foreach ($this->versions as $entity => $versions) {
            $transaction = $DB->start_delegated_transaction();
            foreach ($versions as $id => $version) {
                $DB->set_field(tracker::TABLE, 'version', $version, ['entity' => $entity, 'entityid' => $id]);
            }
            $transaction->allow_commit();
        }
    }
}
