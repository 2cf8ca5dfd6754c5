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
 * The incremental read behind every local_shopbackoffice_sync_<entity> function (docs/shop-api.md,
 * "Incremental reads"). Live records and tombstones are rows of one tracking table, so a page is one keyset
 * query on its (entity, timemodified, entityid) index: no OFFSET, page 200 costs what page 1 costs.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class sync_reader {
    /**
     * The settling window in seconds (the plugin's setting, 5 by default).
     *
     * @return int
     */
    public static function settling(): int {
        $configured = get_config('local_shopbackoffice', 'settling');
        return ($configured === false || $configured === '') ? 5 : max(1, (int) $configured);
    }

    /**
     * One page of changes after a cursor.
     *
     * @param string $entity
     * @param cursor $since
     * @param int $limit checked by the caller
     * @param int $shopid 0 for all shops
     * @param bool $countremaining
     * @return array the answer of docs/shop-api.md
     */
    public static function page(string $entity, cursor $since, int $limit, int $shopid, bool $countremaining): array {
        global $DB;
        if (tracker::scan_if_due($entity) > 0) {
            // Changes made on the site were found and stamped up to now: wait until they settle, so that this
            // call serves them instead of the client's next poll (once in a while, for a few seconds).
            sleep(self::settling());
        }
        $servertime = time();
        [$where, $params] = self::where($entity, $since, $shopid, cursor::horizon($servertime, self::settling()));
        $changes = $DB->get_records_sql("SELECT entityid AS id, timemodified, deleted
                                           FROM {" . tracker::TABLE . "} k
                                          WHERE {$where}
                                       ORDER BY k.timemodified, k.entityid", $params, 0, $limit);
        $changes = array_values(array_map(fn($c) => ['id' => (int) $c->id, 'timemodified' => (int) $c->timemodified,
            'deleted' => (int) $c->deleted], $changes));
        $next = $since->next_after($changes);

        $liveids = array_column(array_filter($changes, fn($c) => !$c['deleted']), 'id');
        $records = records::read($entity, $liveids);
        $rows = [];
        $deleted = [];
        foreach ($changes as $change) {
            if (!$change['deleted'] && isset($records[$change['id']])) {
                $rows[] = $records[$change['id']];
            } else {
                // Tracked as live but gone since the last scan: a deletion here; the next scan stamps it again.
                $deleted[] = ['id' => $change['id'], 'timemodified' => $change['timemodified']];
            }
        }

        [$after, $afterparams] = self::where($entity, $next, $shopid, cursor::horizon($servertime, self::settling()));
        if ($countremaining) {
            $remaining = (int) $DB->count_records_sql("SELECT COUNT(1) FROM {" . tracker::TABLE . "} k WHERE {$after}",
                $afterparams);
            $hasmore = $remaining > 0;
        } else {
            $remaining = -1;
            $hasmore = $DB->record_exists_sql("SELECT 1 FROM {" . tracker::TABLE . "} k WHERE {$after}", $afterparams);
        }
        return [
            'rows' => $rows,
            'deleted' => $deleted,
            'next' => ['timemodified' => $next->timemodified, 'id' => $next->id],
            'hasmore' => $hasmore ? 1 : 0,
            'remaining' => $remaining,
            'servertime' => $servertime,
        ];
    }

    /**
     * The changes of an entity after a cursor, settled, of one shop.
     *
     * @param string $entity
     * @param cursor $since
     * @param int $shopid
     * @param int $horizon
     * @return array [sql, params]
     */
    private static function where(string $entity, cursor $since, int $shopid, int $horizon): array {
        global $DB;
        [$after, $params] = $since->after_sql('k.timemodified', 'k.entityid');
        $sql = "k.entity = :entity AND {$after} AND k.timemodified <= :horizon";
        $params += ['entity' => $entity, 'horizon' => $horizon];
        if ($shopid > 0 && !in_array($entity, ['shops', 'taxes'], true)) {
            if (in_array($entity, ['catalogs', 'categories', 'catalogitems'], true)) {
                // An unknown shop has no catalog: -1 matches nothing.
                [$in, $inparams] = $DB->get_in_or_equal(records::shop_catalogs($shopid) ?: [-1], SQL_PARAMS_NAMED, 'cat');
                $sql .= " AND k.catalogid {$in}";
                $params += $inparams;
            } else {
                $sql .= ' AND k.shopid = :shopid';
                $params['shopid'] = $shopid;
            }
        }
        return [$sql, $params];
    }
}
