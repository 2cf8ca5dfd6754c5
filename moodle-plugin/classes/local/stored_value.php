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
 * local_shop keeps some text fields as base64 of a PHP-serialized value (bill lines' customer and production
 * data, a shop's pay modes) and its production feedback as base64 text. The wire carries plain text (JSON
 * where the value is structured). Unserializing never instantiates a class: objects come back as arrays.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class stored_value {
    /** @var int JSON as the back-office writes it (JavaScript's JSON.stringify) */
    private const JSON_FLAGS = JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION;

    /**
     * The wire text of a base64-serialized column: '' for nothing, a string as it is, anything else as JSON.
     *
     * @param string|null $stored
     * @return string
     */
    public static function to_text(?string $stored): string {
        if ($stored === null || $stored === '') {
            return '';
        }
        $value = self::decode($stored);
        if ($value === null || $value === false || $value === '') {
            return '';
        }
        if (is_string($value)) {
            return $value;
        }
        return json_encode(self::plain($value), self::JSON_FLAGS);
    }

    /**
     * The stored form of wire text: JSON objects and arrays are stored as the values local_shop's handlers
     * read (objects), other text as a serialized string.
     *
     * @param string $text
     * @return string
     */
    public static function from_text(string $text): string {
        if ($text === '') {
            return '';
        }
        $decoded = json_decode($text);
        $value = (is_object($decoded) || is_array($decoded)) && self::reencodes($text, $decoded) ? $decoded : $text;
        return base64_encode(serialize($value));
    }

    /**
     * The enabled pay modes of local_shop's shop.paymodes (base64 of serialize([[mode => 0|1, ...]])), comma separated.
     *
     * @param string|null $stored
     * @return string
     */
    public static function paymodes_to_text(?string $stored): string {
        $value = $stored ? self::decode($stored) : null;
        $modes = is_array($value) ? (array) (reset($value) ?: []) : [];
        return implode(',', array_keys(array_filter($modes, fn($enabled) => (int) $enabled === 1)));
    }

    /**
     * local_shop's shop.paymodes for a comma-separated list of enabled modes.
     *
     * @param string $text
     * @return string
     */
    public static function paymodes_from_text(string $text): string {
        $modes = [];
        foreach (array_filter(array_map('trim', explode(',', $text))) as $mode) {
            $modes[$mode] = 1;
        }
        return base64_encode(serialize([$modes]));
    }

    /**
     * Base64 text as plain text (local_shop's production feedback); text that is not base64 is kept as is.
     *
     * @param string|null $stored
     * @return string
     */
    public static function base64_to_text(?string $stored): string {
        if ($stored === null || $stored === '') {
            return '';
        }
        $decoded = base64_decode($stored, true);
        return ($decoded !== false && base64_encode($decoded) === $stored && mb_check_encoding($decoded, 'UTF-8')) ? $decoded : $stored;
    }

    /**
     * The wire text of a bill's production feedback. local_shop keeps it as base64 of a JSON object with the
     * feedback for the customer (public), for the customer's account (private) and for the sales staff
     * (salesadmin); the back-office's text is the sales staff's.
     *
     * @param string|null $stored
     * @return string
     */
    public static function feedback_to_text(?string $stored): string {
        $text = self::base64_to_text($stored);
        $object = json_decode($text);
        if (is_object($object) && (isset($object->salesadmin) || isset($object->public) || isset($object->private))) {
            return is_string($object->salesadmin ?? null) ? $object->salesadmin : '';
        }
        return $text;
    }

    /**
     * A bill's production feedback with a line added to the sales staff's part, in local_shop's format (what
     * local_shop's own production reads and appends to).
     *
     * @param string|null $stored
     * @param string $line
     * @return string
     */
    public static function feedback_append(?string $stored, string $line): string {
        $text = self::base64_to_text($stored);
        $object = json_decode($text);
        if (!is_object($object)) {
            $object = (object) ['public' => '', 'private' => '', 'salesadmin' => $text];
        }
        foreach (['public', 'private', 'salesadmin'] as $part) {
            $object->$part = is_string($object->$part ?? null) ? $object->$part : '';
        }
        $object->salesadmin = implode("\n", array_filter([$object->salesadmin, $line], fn($t) => $t !== ''));
        return base64_encode(json_encode($object, self::JSON_FLAGS));
    }

    /**
     * The value of a base64-serialized column, or the column's text when it is not one.
     *
     * @param string $stored
     * @return mixed
     */
    private static function decode(string $stored) {
        $raw = base64_decode($stored, true);
        if ($raw === false) {
            return $stored;
        }
        if ($raw === 'b:0;') {
            return false;
        }
        $value = @unserialize($raw, ['allowed_classes' => false]);
        return $value === false ? $stored : $value;
    }

    /**
     * Objects (stdClass or incomplete classes) as arrays, recursively, keeping a JSON object's shape.
     *
     * @param mixed $value
     * @return mixed
     */
    private static function plain($value) {
        if (is_object($value)) {
            $fields = [];
            foreach ((array) $value as $key => $field) {
                // Protected and private members of a serialized class come as "\0*\0name": keep the name.
                $fields[preg_replace('/^\0[^\0]*\0/', '', (string) $key)] = self::plain($field);
            }
            unset($fields['__PHP_Incomplete_Class_Name']);
            return (object) $fields;
        }
        if (is_array($value)) {
            return array_map([self::class, 'plain'], $value);
        }
        return $value;
    }

    /**
     * Whether JSON text comes back byte for byte from its decoded value, so storing the value loses nothing.
     *
     * @param string $text
     * @param mixed $decoded
     * @return bool
     */
    private static function reencodes(string $text, $decoded): bool {
        return json_encode($decoded, self::JSON_FLAGS) === $text;
    }
}
