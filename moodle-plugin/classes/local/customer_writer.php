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
 * local_shopbackoffice_update_customer: the customer's identity and addresses. The shop, the linked Moodle
 * account and the creation time are not the back-office's to change; customers are created by the checkout.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
final class customer_writer {
    /** @var array the editable fields and their defaults */
    public const DEFAULTS = ['firstname' => '', 'lastname' => '', 'email' => '', 'address' => '', 'zip' => '',
        'city' => '', 'country' => '', 'organisation' => '', 'invoiceinfo' => ''];

    /** @var array local_shop's column sizes */
    private const SIZES = ['firstname' => 40, 'lastname' => 40, 'email' => 80, 'address' => 255, 'zip' => 10,
        'city' => 40, 'country' => 2, 'organisation' => 64];

    /**
     * Updates a customer.
     *
     * @param int $baseversion
     * @param array $input the filled fields
     * @return array
     */
    public static function update(int $baseversion, array $input): array {
        global $DB;
        $id = (int) $input['id'];
        if ($refusal = versioned::refusal('customers', $id, $baseversion)) {
            return $refusal;
        }
        if (!validate_email($input['email'])) {
            throw shop_error::of('invalidemail', $input['email']);
        }
        foreach (self::SIZES as $field => $size) {
            if (\core_text::strlen((string) $input[$field]) > $size) {
                throw new \invalid_parameter_exception("{$field} must have at most {$size} characters");
            }
        }
        $fields = array_intersect_key($input, self::DEFAULTS);
        $DB->update_record('local_shop_customer', (object) (['id' => $id] + $fields));
        tracker::touch('customers', $id);
        return versioned::applied('customers', $id);
    }
}
