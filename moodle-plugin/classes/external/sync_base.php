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

use core_external\external_api;
use core_external\external_function_parameters;
use core_external\external_multiple_structure;
use core_external\external_single_structure;
use core_external\external_value;
use local_shopbackoffice\local\cursor;
use local_shopbackoffice\local\sync_reader;

/**
 * The incremental reads of docs/shop-api.md, local_shopbackoffice_sync_<entity>: one declaration, nine entities.
 * Each function is a subclass naming its entity; the keyset, the settling window and the counts are in
 * local\sync_reader.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
abstract class sync_base extends external_api {
    /**
     * The entity this function serves.
     *
     * @return string
     */
    abstract protected static function entity(): string;

    /**
     * Parameters.
     *
     * @return external_function_parameters
     */
    public static function execute_parameters(): external_function_parameters {
        return new external_function_parameters([
            'since' => new external_single_structure([
                'timemodified' => new external_value(PARAM_INT, 'Modification time of the last change received', VALUE_DEFAULT, 0),
                'id' => new external_value(PARAM_INT, 'Id of the last change received (ties on timemodified)', VALUE_DEFAULT, 0),
            ], 'The cursor: the last change already received', VALUE_DEFAULT, ['timemodified' => 0, 'id' => 0]),
            'limit' => new external_value(PARAM_INT, 'At most this many changes (rows and deletions), 1 to 2000', VALUE_DEFAULT, 500),
            'shopid' => new external_value(PARAM_INT, "Only this shop's records (0: all; ignored for shops and taxes)",
                VALUE_DEFAULT, 0),
            'countremaining' => new external_value(PARAM_INT, '1: count the changes after this page (a scan); 0: remaining is -1',
                VALUE_DEFAULT, 1),
        ]);
    }

    /**
     * One page of changes.
     *
     * @param array $since
     * @param int $limit
     * @param int $shopid
     * @param int $countremaining
     * @return array
     */
    public static function execute($since = [], $limit = 500, $shopid = 0, $countremaining = 1): array {
        $params = self::validate_parameters(self::execute_parameters(),
            ['since' => $since, 'limit' => $limit, 'shopid' => $shopid, 'countremaining' => $countremaining]);
        $context = \context_system::instance();
        self::validate_context($context);
        require_capability('local/shopbackoffice:use', $context);
        if (!cursor::valid_limit($params['limit'])) {
            throw new \invalid_parameter_exception("limit must be between 1 and " . cursor::MAX_PAGE . ", not {$params['limit']}");
        }
        $cursor = new cursor((int) ($params['since']['timemodified'] ?? 0), (int) ($params['since']['id'] ?? 0));
        return sync_reader::page(static::entity(), $cursor, $params['limit'], $params['shopid'],
            (int) $params['countremaining'] !== 0);
    }

    /**
     * Returns.
     *
     * @return external_single_structure
     */
    public static function execute_returns(): external_single_structure {
        return new external_single_structure([
            'rows' => new external_multiple_structure(structures::record(static::entity()),
                'Records created or changed since the cursor, in (timemodified, id) order'),
            'deleted' => new external_multiple_structure(new external_single_structure([
                'id' => new external_value(PARAM_INT, 'Id of the deleted record'),
                'timemodified' => new external_value(PARAM_INT, 'Deletion time'),
            ]), 'Records deleted since the cursor'),
            'next' => new external_single_structure([
                'timemodified' => new external_value(PARAM_INT, 'Cursor time'),
                'id' => new external_value(PARAM_INT, 'Cursor id'),
            ], 'The cursor to send next'),
            'hasmore' => new external_value(PARAM_INT, '1 when more changes follow next'),
            'remaining' => new external_value(PARAM_INT, 'Changes after next, or -1 when not counted'),
            'servertime' => new external_value(PARAM_INT, "The server's clock"),
        ]);
    }
}
