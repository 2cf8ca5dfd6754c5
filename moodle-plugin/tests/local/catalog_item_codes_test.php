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
 * Catalog item words: statuses, types, required data.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_shopbackoffice\local\catalog_item_codes
 */
final class catalog_item_codes_test extends \basic_testcase {
    /**
     * local_shop's spellings and the wire's.
     */
    public function test_statuses_and_types(): void {
        $this->assertSame('ABANDONED', catalog_item_codes::status_to_wire('ABANDONNED'));
        $this->assertSame('ABANDONNED', catalog_item_codes::status_to_stored('ABANDONED'));
        $this->assertSame('AVAILABLEINTERNAL', catalog_item_codes::status_to_wire('ASCOMPLEMENT'));
        $this->assertSame('PREVIEW', catalog_item_codes::status_to_wire('PREVIEW'));
        foreach (catalog_item_codes::STATUSES as $status) {
            $this->assertSame($status, catalog_item_codes::status_to_wire(catalog_item_codes::status_to_stored($status)));
        }
        $this->assertSame('bundle', catalog_item_codes::type_to_wire('2'));
        $this->assertSame(1, catalog_item_codes::type_to_stored('set'));
        $this->assertSame('plain', catalog_item_codes::type_to_wire(null));
    }

    /**
     * Required data: '' or a JSON array of objects naming their field.
     */
    public function test_required_data(): void {
        $this->assertNull(catalog_item_codes::required_data_problem(''));
        $this->assertNull(catalog_item_codes::required_data_problem('[{"field":"company","type":"text"}]'));
        $this->assertSame('not JSON', catalog_item_codes::required_data_problem('[{'));
        $this->assertNotNull(catalog_item_codes::required_data_problem('{"field":"x"}'));
        $this->assertNotNull(catalog_item_codes::required_data_problem('[{"name":"x"}]'));
    }
}
