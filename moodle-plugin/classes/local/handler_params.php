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
 * A catalog item's handler parameters as local_shop reads them (CatalogItem.class.php, BillItem.class.php):
 * split on '&', each pair on '=', nothing decoded. Reading and writing them any other way (parse_str,
 * http_build_query) would decode '+' into a space or write '+90D' as '%2B90D', which the shop then keeps as
 * those characters.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class handler_params {
    /**
     * The pairs of the text, in order; a pair without '=' is skipped, a value stops at a second '='.
     *
     * @param string $text
     * @return array<string, string>
     */
    public static function parse(string $text): array {
        $params = [];
        foreach (explode('&', $text) as $pair) {
            if (strpos($pair, '=') === false) {
                continue;
            }
            $parts = explode('=', $pair);
            $params[$parts[0]] = $parts[1];
        }
        return $params;
    }

    /**
     * The text of the pairs, nothing encoded.
     *
     * @param array<string, string> $params
     * @return string
     */
    public static function join(array $params): string {
        $pairs = [];
        foreach ($params as $key => $value) {
            $pairs[] = $key . '=' . $value;
        }
        return implode('&', $pairs);
    }
}
