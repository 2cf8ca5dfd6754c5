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
 * Handler parameters read and written as local_shop reads them.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_shopbackoffice\local\handler_params
 */
final class handler_params_test extends \basic_testcase {
    /**
     * A plus, a space and an escape survive as typed; a pair without '=' is skipped; a value stops at a second '='.
     */
    public function test_reads_as_the_shop_reads(): void {
        $this->assertSame(
            ['coursename' => 'EXCEL-BASE', 'endtime' => '+90D', 'groupname' => 'Excel A', 'old' => '%2B90D', 'odd' => 'a'],
            handler_params::parse('coursename=EXCEL-BASE&endtime=+90D&groupname=Excel A&flag&&old=%2B90D&odd=a=b')
        );
        $this->assertSame([], handler_params::parse(''));
    }

    /**
     * What was read is written back unchanged, so a remapped id is the only change.
     */
    public function test_writes_back_unchanged(): void {
        $text = 'contextlevel=50&instance=12&role=student&endtime=+12H';
        $this->assertSame($text, handler_params::join(handler_params::parse($text)));
    }
}
