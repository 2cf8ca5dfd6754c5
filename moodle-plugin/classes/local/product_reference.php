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
 * Product references, WWWW-XXXX-YYYY-ZZCC: fourteen random characters and two check characters, as the
 * back-office and local_shop print them on what a customer owns.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class product_reference {
    /** @var string the characters a reference is drawn from */
    private const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

    /**
     * A new reference.
     *
     * @param callable|null $randomindex fn(int $max): int in [0, $max], random_int by default
     * @return string
     */
    public static function generate(?callable $randomindex = null): string {
        $randomindex = $randomindex ?? fn(int $max) => random_int(0, $max);
        $body = '';
        for ($i = 0; $i < 14; $i++) {
            $body .= self::ALPHABET[$randomindex(strlen(self::ALPHABET) - 1)];
        }
        $code = $body . self::check($body);
        return implode('-', str_split($code, 4));
    }

    /**
     * Whether a reference has the format and its check characters match.
     *
     * @param string $reference
     * @return bool
     */
    public static function is_valid(string $reference): bool {
        if (!preg_match('/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/', $reference)) {
            return false;
        }
        $code = str_replace('-', '', $reference);
        return substr($code, 14) === self::check(substr($code, 0, 14));
    }

    /**
     * The two check characters of a body: a position-weighted sum modulo 36².
     *
     * @param string $body
     * @return string
     */
    private static function check(string $body): string {
        $sum = 0;
        for ($i = 0; $i < strlen($body); $i++) {
            $sum = ($sum + ord($body[$i]) * ($i + 1)) % 1296;
        }
        return str_pad(strtoupper(base_convert((string) $sum, 10, 36)), 2, '0', STR_PAD_LEFT);
    }
}
