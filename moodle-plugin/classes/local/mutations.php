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
 * Client mutation ids (docs/shop-api.md, "Writes"): a write whose id was already applied is not applied again;
 * its first answer comes back with replayed = 1. The id and the answer are stored in the write's own
 * transaction: either both the write and its id are kept, or neither. Only applied answers are stored: a
 * conflict or a refusal wrote nothing, and a client that resolved it may send the same mutation again.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class mutations {
    /** @var string the table */
    private const TABLE = 'local_shopbackoffice_mutation';

    /**
     * Runs a write once per mutation id, in one transaction.
     *
     * @param string $functionname the external function
     * @param string $clientmutationid
     * @param callable $write fn(): array, the answer (with status and replayed)
     * @return array the answer
     */
    public static function apply_once(string $functionname, string $clientmutationid, callable $write): array {
        $length = \core_text::strlen($clientmutationid);
        if ($length < 8 || $length > 64) {
            throw new \invalid_parameter_exception("clientmutationid must have 8 to 64 characters, not {$length}");
        }
        try {
            return self::run_once($functionname, $clientmutationid, $write);
        } catch (\dml_write_exception $e) {
            // The same write sent twice at once (a retry after a timeout): the other request stored this id first,
            // and this one met the unique key once its own write was done. Its answer is the stored one.
            $replay = self::stored_answer($functionname, $clientmutationid);
            if ($replay === null) {
                throw $e;
            }
            return $replay;
        }
    }

    /**
     * The stored answer of an applied mutation id, marked replayed, or null.
     *
     * @param string $functionname
     * @param string $clientmutationid
     * @param bool $locking read with a lock, seeing what committed meanwhile
     * @return array|null
     */
    private static function stored_answer(string $functionname, string $clientmutationid, bool $locking = false): ?array {
        global $DB;
        // A locking read sees what committed since the transaction began (MySQL's plain reads keep their snapshot).
        $rows = $DB->get_records_sql('SELECT * FROM {' . self::TABLE . '} WHERE clientmutationid = :id' . ($locking ? ' FOR UPDATE' : ''),
            ['id' => $clientmutationid]);
        $stored = $rows ? reset($rows) : null;
        if (!$stored) {
            return null;
        }
        if ($stored->functionname !== $functionname) {
            throw new \invalid_parameter_exception("clientmutationid {$clientmutationid} was already used by {$stored->functionname}");
        }
        $answer = json_decode($stored->answer, true);
        $answer['replayed'] = 1;
        return $answer;
    }

    /**
     * The write and its mutation id in one transaction.
     *
     * @param string $functionname
     * @param string $clientmutationid
     * @param callable $write
     * @return array
     */
    private static function run_once(string $functionname, string $clientmutationid, callable $write): array {
        global $DB, $USER;
        $transaction = $DB->start_delegated_transaction();
        try {
            $answer = self::stored_answer($functionname, $clientmutationid);
            if ($answer === null) {
                // The same write sent twice at once: the first one applies it while this one waits for the
                // record's lock, then finds the record moved on (a conflict, or a refusal such as a payment now
                // exceeding what is due). It is a repeat: its answer is the first one's.
                try {
                    $answer = $write();
                } catch (\moodle_exception $refused) {
                    $answer = self::stored_answer($functionname, $clientmutationid, true);
                    if ($answer === null) {
                        throw $refused;
                    }
                }
                if ($answer['status'] !== 'applied' || !empty($answer['replayed'])) {
                    $answer = self::stored_answer($functionname, $clientmutationid, true) ?? $answer;
                } else {
                    $DB->insert_record(self::TABLE, (object) [
                        'clientmutationid' => $clientmutationid, 'userid' => (int) $USER->id,
                        'functionname' => $functionname, 'answer' => json_encode($answer), 'timecreated' => time(),
                    ]);
                }
            }
            $transaction->allow_commit();
            return $answer;
        } catch (\Throwable $e) {
            $transaction->rollback($e);
        }
    }

    /**
     * Forgets mutation ids older than the kept period (the plugin's setting, at least 30 days).
     *
     * @return int how many were forgotten
     */
    public static function purge(): int {
        global $DB;
        $days = max(30, (int) (get_config('local_shopbackoffice', 'mutationdays') ?: 60));
        $before = time() - $days * DAYSECS;
        $count = $DB->count_records_select(self::TABLE, 'timecreated < :before', ['before' => $before]);
        $DB->delete_records_select(self::TABLE, 'timecreated < :before', ['before' => $before]);
        return $count;
    }
}
