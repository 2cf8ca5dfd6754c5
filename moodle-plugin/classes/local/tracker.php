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
 * Change tracking on local_shop's tables (docs/change-tracking.md). The table local_shopbackoffice_track keeps,
 * per served record, its version, its modification time and the fingerprint of its content when last seen; a
 * deletion is a kept row marked deleted (the tombstone). Two ways in:
 *
 * - the plugin's own writes call touch() in their transaction: version + 1, modification time now;
 * - everything else (local_shop's pages, its cron, a direct database edit) is found by scan(): the database
 *   computes every live record's fingerprint, change_detector merges them with the kept ones, and what differs
 *   is stamped with the time of the small transaction that records it.
 *
 * A stamp is the time its transaction starts, and each transaction lasts far less than the settling window,
 * so a change is committed before any reader's horizon reaches its stamp: no cursor can pass it unseen.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class tracker {
    /** @var string the tracking table */
    public const TABLE = 'local_shopbackoffice_track';
    /** @var int changes recorded per transaction: keeps each one short */
    private const BATCH = 500;

    /**
     * The SQL expression of a record's fingerprint over the entity's table aliased t: an MD5 of its columns'
     * text. MD5() and the concatenation Moodle writes for each engine run on PostgreSQL, MySQL and MariaDB.
     * Product events (a log) get a constant: only their appearance and disappearance count.
     *
     * @param string $entity
     * @return string
     */
    public static function fingerprint_sql(string $entity): string {
        global $DB;
        if (in_array($entity, entities::APPEND_ONLY, true)) {
            // A log's rows are never modified: comparing their content would cost a hash per row for nothing.
            return "'append-only'";
        }
        $parts = array_map(fn($column) => 'COALESCE(' . $DB->sql_cast_to_char("t.{$column}") . ", '')",
            entities::fingerprint_columns($entity));
        return 'MD5(' . $DB->sql_concat_join("'|'", $parts) . ')';
    }

    /**
     * Scans an entity for changes made outside the plugin, unless a scan ran less than the configured interval
     * ago or runs now (another request will have recorded the same changes).
     *
     * @param string $entity a served entity
     * @param bool $force scan whatever the interval
     * @return int the number of changes recorded
     */
    public static function scan_if_due(string $entity, bool $force = false): int {
        global $DB;
        $interval = (int) (get_config('local_shopbackoffice', 'scaninterval') ?: 0);
        $last = (int) $DB->get_field('local_shopbackoffice_scan', 'timescanned', ['entity' => $entity]);
        if (!$force && $last > 0 && time() - $last < $interval) {
            return 0;
        }
        $factory = \core\lock\lock_config::get_lock_factory('local_shopbackoffice_scan');
        $lock = $factory->get_lock($entity, 0);
        if (!$lock) {
            return 0;
        }
        try {
            $count = $entity === 'bills' ? self::scan_bills() : self::scan($entity);
            self::mark_scanned($entity);
            return $count;
        } finally {
            $lock->release();
        }
    }

    /**
     * Serializes the writers of one kind until the caller's transaction ends: they all update the same row of
     * the scan table, and a row lock lasts until commit or rollback on every engine.
     *
     * @param string $name
     */
    public static function serialize(string $name): void {
        global $DB;
        $key = "lock:{$name}";
        // The row is made at install (db/install.php); made again here only if someone removed it.
        if (!$DB->record_exists('local_shopbackoffice_scan', ['entity' => $key])) {
            $DB->insert_record('local_shopbackoffice_scan', (object) ['entity' => $key, 'timescanned' => 0]);
        }
        $DB->execute('UPDATE {local_shopbackoffice_scan} SET timescanned = timescanned + 1 WHERE entity = :entity',
            ['entity' => $key]);
    }

    /**
     * Records the scan time of an entity.
     *
     * @param string $entity
     */
    private static function mark_scanned(string $entity): void {
        global $DB;
        $id = $DB->get_field('local_shopbackoffice_scan', 'id', ['entity' => $entity]);
        if ($id) {
            $DB->set_field('local_shopbackoffice_scan', 'timescanned', time(), ['id' => $id]);
        } else {
            $DB->insert_record('local_shopbackoffice_scan', (object) ['entity' => $entity, 'timescanned' => time()]);
        }
    }

    /**
     * Bills change with their lines: lines are scanned first, and the bills whose lines changed are stamped
     * with the bills that changed themselves.
     *
     * @return int
     */
    private static function scan_bills(): int {
        $parents = [];
        foreach (self::difference_chunks(entities::BILLITEMS) as $lines) {
            foreach ($lines as $difference) {
                $parent = (int) ($difference['row']['parentid'] ?? $difference['kept']['parentid'] ?? 0);
                if ($parent > 0) {
                    $parents[$parent] = true;
                }
            }
            self::record(entities::BILLITEMS, $lines);
        }
        $count = 0;
        foreach (self::difference_chunks('bills') as $bills) {
            foreach ($bills as $difference) {
                unset($parents[$difference['id']]);
            }
            self::record('bills', $bills);
            $count += count($bills);
        }
        self::bump('bills', array_keys($parents));
        return $count + count($parents);
    }

    /**
     * Scans one entity.
     *
     * @param string $entity
     * @return int
     */
    private static function scan(string $entity): int {
        $count = 0;
        foreach (self::difference_chunks($entity) as $differences) {
            self::record($entity, $differences);
            $count += count($differences);
        }
        return $count;
    }

    /**
     * What differs between the entity's live records and the kept fingerprints, in chunks in id order. The
     * database compares them (a join on the tracking table's unique key), so only the differences travel: with
     * nothing changed, a scan of 100,000 bills returns no row. Each chunk is read whole before it is recorded,
     * so no recordset stays open across the writes, and memory stays bounded on a first scan of a large shop.
     *
     * @param string $entity
     * @return \Generator of arrays of differences
     */
    private static function difference_chunks(string $entity): \Generator {
        global $DB;
        [$scope, $joins] = entities::scope_sql($entity);
        $extra = $entity === 'bills' ? ', t.paiedamount AS paid' : '';
        $live = "SELECT t.id, " . self::fingerprint_sql($entity) . " AS fingerprint, {$scope}{$extra}
                   FROM {" . entities::table($entity) . "} t {$joins}
                  WHERE t.id > :after";
        // Live records without a kept fingerprint, with another one, or kept as deleted.
        $changedsql = "SELECT live.*, k.id AS trackid, k.fingerprint AS keptfingerprint, k.deleted AS keptdeleted,
                              k.state AS keptstate, k.parentid AS keptparentid
                         FROM ({$live}) live
                    LEFT JOIN {" . self::TABLE . "} k ON k.entity = :entity AND k.entityid = live.id
                        WHERE k.id IS NULL OR k.deleted = 1 OR k.fingerprint <> live.fingerprint
                     ORDER BY live.id";
        // Kept records without a live one.
        $gonesql = "SELECT k.entityid AS id, k.id AS trackid, k.fingerprint, k.deleted, k.state, k.parentid
                      FROM {" . self::TABLE . "} k
                 LEFT JOIN {" . entities::table($entity) . "} t ON t.id = k.entityid
                     WHERE k.entity = :entity AND k.deleted = 0 AND t.id IS NULL AND k.entityid > :after
                  ORDER BY k.entityid";
        foreach (['changed' => $changedsql, 'gone' => $gonesql] as $kind => $sql) {
            $after = 0;
            do {
                $rows = $DB->get_records_sql($sql, ['entity' => $entity, 'after' => $after], 0, self::BATCH);
                $differences = [];
                foreach ($rows as $row) {
                    $row = (array) $row;
                    $after = (int) $row['id'];
                    if ($kind === 'gone') {
                        $differences[] = change_detector::classify(null, $row);
                        continue;
                    }
                    $kept = $row['trackid'] === null ? null : ['id' => (int) $row['id'], 'trackid' => $row['trackid'],
                        'fingerprint' => $row['keptfingerprint'], 'deleted' => (int) $row['keptdeleted'],
                        'state' => $row['keptstate'], 'parentid' => $row['keptparentid']];
                    $differences[] = change_detector::classify($row, $kept);
                }
                $differences = array_values(array_filter($differences));
                if ($differences) {
                    yield $differences;
                }
            } while (count($rows) === self::BATCH);
        }
    }

    /**
     * Records differences in short transactions, each stamped with its own start time.
     *
     * @param string $entity
     * @param array $differences from difference_chunks()
     */
    private static function record(string $entity, array $differences): void {
        global $DB;
        foreach (array_chunk($differences, self::BATCH) as $batch) {
            $transaction = $DB->start_delegated_transaction();
            try {
                self::record_batch($entity, $batch, time());
                $transaction->allow_commit();
            } catch (\dml_write_exception $e) {
                // A write of the plugin's own tracked one of these records meanwhile (a unique key met): this batch
                // is undone (rollback() throws the exception back once it is done), and the next scan compares
                // these records again.
                try {
                    $transaction->rollback($e);
                } catch (\dml_write_exception $undone) {
                    debugging("local_shopbackoffice: a scan batch of {$entity} met a concurrent write and waits for the next scan",
                        DEBUG_DEVELOPER);
                }
            }
        }
    }

    /**
     * Records one batch, in the caller's transaction. A record is compared again under a lock before it is
     * stamped: a write of the plugin's own that committed since the comparison is not stamped twice, and a bill's
     * history and payments are made from the bill as it is now, not as the comparison saw it.
     *
     * @param string $entity
     * @param array $batch
     * @param int $stamp
     */
    private static function record_batch(string $entity, array $batch, int $stamp): void {
        global $DB;
        $created = [];
        foreach ($batch as $difference) {
            $row = $difference['row'];
            $kept = $difference['kept'];
            $bill = ($entity === 'bills' && $row !== null) ? self::lock_row('local_shop_bill', (int) $row['id']) : null;
            switch ($difference['kind']) {
                case change_detector::CREATED:
                    $created[] = self::new_track($entity, $row, $stamp);
                    break;
                case change_detector::CHANGED:
                    $current = self::lock_kept($entity, (int) $row['id']);
                    if (!$current || $current->fingerprint !== $kept['fingerprint']
                            || (int) $current->deleted !== (int) $kept['deleted']) {
                        continue 2;
                    }
                    $DB->update_record(self::TABLE, (object) [
                        'id' => $current->id, 'fingerprint' => $row['fingerprint'], 'version' => $current->version + 1,
                        'timemodified' => $stamp, 'deleted' => 0, 'shopid' => (int) $row['shopid'],
                        'catalogid' => (int) $row['catalogid'], 'parentid' => (int) $row['parentid'],
                        'state' => $bill ? $bill->status : $row['state'],
                    ]);
                    if ($bill && $current->state !== null && $current->state !== $bill->status) {
                        bill_ledger::add_history((int) $bill->id, (string) $current->state, (string) $bill->status, 0,
                            get_string('changedonsite', 'local_shopbackoffice'), $stamp);
                    }
                    break;
                case change_detector::DELETED:
                    $DB->execute("UPDATE {" . self::TABLE . "}
                                     SET deleted = 1, version = version + 1, timemodified = :stamp
                                   WHERE id = :id AND deleted = 0", ['stamp' => $stamp, 'id' => $kept['trackid']]);
                    if ($entity === entities::BILLITEMS) {
                        $DB->delete_records('local_shopbackoffice_line', ['billitemid' => $difference['id']]);
                    }
                    break;
            }
            if ($bill) {
                bill_ledger::reconcile_payments((int) $bill->id, money::to_cents($bill->paiedamount), $stamp);
            }
        }
        if ($created) {
            $DB->insert_records(self::TABLE, $created);
        }
    }

    /**
     * Stamps records whose content is unchanged but whose children changed (bills whose lines changed).
     *
     * @param string $entity
     * @param int[] $bumped
     */
    private static function bump(string $entity, array $bumped): void {
        global $DB;
        foreach (array_chunk($bumped, self::BATCH) as $ids) {
            $transaction = $DB->start_delegated_transaction();
            [$in, $params] = $DB->get_in_or_equal($ids, SQL_PARAMS_NAMED);
            $DB->execute("UPDATE {" . self::TABLE . "} SET version = version + 1, timemodified = :stamp
                           WHERE entity = :entity AND entityid {$in}", $params + ['stamp' => time(), 'entity' => $entity]);
            $transaction->allow_commit();
        }
    }

    /**
     * A new tracking row.
     *
     * @param string $entity
     * @param array $row id, fingerprint and scope
     * @param int $stamp
     * @return \stdClass
     */
    private static function new_track(string $entity, array $row, int $stamp): \stdClass {
        return (object) [
            'entity' => $entity,
            'entityid' => (int) $row['id'],
            'parentid' => (int) ($row['parentid'] ?? 0),
            'shopid' => (int) ($row['shopid'] ?? 0),
            'catalogid' => (int) ($row['catalogid'] ?? 0),
            'state' => $row['state'] ?? null,
            'fingerprint' => $row['fingerprint'],
            'version' => 1,
            'timemodified' => $stamp,
            'deleted' => 0,
        ];
    }

    /**
     * The live fingerprint and scope of one record, or null when it does not exist.
     *
     * @param string $entity
     * @param int $id
     * @return array|null
     */
    private static function live(string $entity, int $id): ?array {
        global $DB;
        [$scope, $joins] = entities::scope_sql($entity);
        $row = $DB->get_record_sql("SELECT t.id, " . self::fingerprint_sql($entity) . " AS fingerprint, {$scope}
                                      FROM {" . entities::table($entity) . "} t {$joins}
                                     WHERE t.id = :id", ['id' => $id]);
        return $row ? (array) $row : null;
    }

    /**
     * A row read with a lock that lasts until the caller's transaction ends (SELECT ... FOR UPDATE, without the
     * LIMIT Moodle would add, which MySQL and MariaDB refuse after FOR UPDATE).
     *
     * @param string $table
     * @param int $id
     * @return \stdClass|null
     */
    public static function lock_row(string $table, int $id): ?\stdClass {
        global $DB;
        $rows = $DB->get_records_sql("SELECT * FROM {{$table}} WHERE id = :id FOR UPDATE", ['id' => $id]);
        return $rows ? reset($rows) : null;
    }

    /**
     * The tracking row of a record, locked until the caller's transaction ends, or null.
     *
     * @param string $entity
     * @param int $id
     * @return \stdClass|null
     */
    private static function lock_kept(string $entity, int $id): ?\stdClass {
        global $DB;
        $rows = $DB->get_records_sql("SELECT * FROM {" . self::TABLE . "} WHERE entity = :entity AND entityid = :id FOR UPDATE",
            ['entity' => $entity, 'id' => $id]);
        return $rows ? reset($rows) : null;
    }

    /**
     * What a scan would record of a bill changed on the site since it was last seen, recorded now (in the caller's
     * transaction, the bill locked): the history row of a status changed there, the payment of a paid total moved
     * there. The caller's write then stamps the bill.
     *
     * @param \stdClass $bill the local_shop_bill row, locked
     */
    public static function record_site_change_of_bill(\stdClass $bill): void {
        $kept = self::lock_kept('bills', (int) $bill->id);
        if ($kept && $kept->state !== null && $kept->state !== $bill->status) {
            bill_ledger::add_history((int) $bill->id, (string) $kept->state, (string) $bill->status, 0,
                get_string('changedonsite', 'local_shopbackoffice'));
        }
        bill_ledger::reconcile_payments((int) $bill->id, money::to_cents($bill->paiedamount), time());
    }

    /**
     * Records a write of the plugin's own, in the caller's transaction: the record's version goes up and its
     * modification time is now (a deleted record becomes a tombstone). Bills' lines are tracked with them.
     *
     * @param string $entity
     * @param int $id
     * @return int the record's version after the write
     */
    public static function touch(string $entity, int $id): int {
        global $DB;
        $kept = self::lock_kept($entity, $id);
        $row = self::live($entity, $id);
        $now = time();
        if ($row === null) {
            if (!$kept) {
                return 0;
            }
            $kept->deleted = 1;
            $kept->version += 1;
            $kept->timemodified = $now;
            $DB->update_record(self::TABLE, $kept);
            return (int) $kept->version;
        }
        if (!$kept) {
            $DB->insert_record(self::TABLE, self::new_track($entity, $row, $now));
            return 1;
        }
        $kept->fingerprint = $row['fingerprint'];
        $kept->shopid = (int) $row['shopid'];
        $kept->catalogid = (int) $row['catalogid'];
        $kept->parentid = (int) $row['parentid'];
        $kept->state = $row['state'];
        $kept->deleted = 0;
        $kept->version += 1;
        $kept->timemodified = $now;
        $DB->update_record(self::TABLE, $kept);
        return (int) $kept->version;
    }

    /**
     * Records the lines of a bill as seen now, without stamping them (the bill carries the change).
     *
     * @param int $billid
     */
    public static function keep_lines(int $billid): void {
        global $DB;
        $lines = $DB->get_records_sql("SELECT t.id, " . self::fingerprint_sql(entities::BILLITEMS) . " AS fingerprint,
                                              t.billid AS parentid
                                         FROM {local_shop_billitem} t WHERE t.billid = :billid", ['billid' => $billid]);
        foreach ($lines as $line) {
            $kept = $DB->get_record(self::TABLE, ['entity' => entities::BILLITEMS, 'entityid' => $line->id]);
            if ($kept) {
                $DB->set_field(self::TABLE, 'fingerprint', $line->fingerprint, ['id' => $kept->id]);
            } else {
                $DB->insert_record(self::TABLE, self::new_track(entities::BILLITEMS, (array) $line + ['shopid' => 0,
                    'catalogid' => 0, 'state' => null], time()));
            }
        }
    }

    /**
     * The current version of a record before a versioned write, with any change made outside the plugin since the
     * last scan recorded first, so that a write based on what the client saw before that change is a conflict.
     * Runs inside the write's transaction.
     *
     * @param string $entity
     * @param int $id
     * @return array ['version' => int, 'exists' => bool, 'known' => bool] known: the plugin ever served it
     */
    public static function current_version(string $entity, int $id): array {
        // Locked until the write's transaction ends: a second write on the same base version waits, then sees
        // the first one's version and answers conflict instead of overwriting it.
        $kept = self::lock_kept($entity, $id);
        $row = self::live($entity, $id);
        if ($row === null) {
            if ($kept && !$kept->deleted) {
                self::touch($entity, $id);
            }
            return ['version' => 0, 'exists' => false, 'known' => (bool) $kept];
        }
        if (!$kept || $kept->deleted || $kept->fingerprint !== $row['fingerprint']) {
            return ['version' => self::touch($entity, $id), 'exists' => true, 'known' => true];
        }
        return ['version' => (int) $kept->version, 'exists' => true, 'known' => true];
    }

    /**
     * The kept version and modification time of records, by id.
     *
     * @param string $entity
     * @param int[] $ids
     * @return array id => object with version and timemodified
     */
    public static function versions(string $entity, array $ids): array {
        global $DB;
        if (!$ids) {
            return [];
        }
        [$in, $params] = $DB->get_in_or_equal($ids, SQL_PARAMS_NAMED);
        return $DB->get_records_sql("SELECT entityid, version, timemodified FROM {" . self::TABLE . "}
                                      WHERE entity = :entity AND entityid {$in}", $params + ['entity' => $entity]);
    }
}
