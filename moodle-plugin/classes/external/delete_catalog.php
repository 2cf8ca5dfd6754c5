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

use local_shopbackoffice\local\catalog_writer;

/**
 * local_shopbackoffice_delete_catalog: deletes an empty catalog (docs/shop-api.md).
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class delete_catalog extends delete_base {
    /**
     * Deletes.
     *
     * @param int $id
     * @param int $baseversion
     * @return array
     */
    protected static function delete(int $id, int $baseversion): array {
        return catalog_writer::delete_catalog($id, $baseversion);
    }
}
