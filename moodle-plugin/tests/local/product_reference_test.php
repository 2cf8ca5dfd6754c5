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
 * Product references and their check characters.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_shopbackoffice\local\product_reference
 */
final class product_reference_test extends \basic_testcase {
    /**
     * Generated references have the format and pass their check; a changed character fails it.
     */
    public function test_generate_and_check(): void {
        for ($i = 0; $i < 200; $i++) {
            $reference = product_reference::generate();
            $this->assertMatchesRegularExpression('/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/', $reference);
            $this->assertTrue(product_reference::is_valid($reference));
            $altered = $reference;
            $altered[0] = $altered[0] === 'A' ? 'B' : 'A';
            $this->assertFalse(product_reference::is_valid($altered));
        }
        $this->assertSame('AAAA-AAAA-AAAA-AA' . strtoupper(base_convert((string) ((65 * 105) % 1296), 10, 36)),
            product_reference::generate(fn() => 0));
    }

    /**
     * The demo data's references (made by the back-office's generator) pass the same check.
     */
    public function test_demo_references(): void {
        $this->assertTrue(product_reference::is_valid('NJN1-7XSQ-U3A3-TEO4'));
    }
}
