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
 * local_shop's base64-serialized fields and the wire's text.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 * @covers     \local_shopbackoffice\local\stored_value
 */
final class stored_value_test extends \basic_testcase {
    /**
     * JSON text survives the trip through local_shop's format byte for byte, and is stored as objects.
     */
    public function test_json_round_trip(): void {
        $json = '{"learners":[{"firstname":"Zoé","lastname":"Ñúñez","email":"z@example.com/x"}],"tutors":[],"n":1.5}';
        $stored = stored_value::from_text($json);
        $value = unserialize(base64_decode($stored));
        $this->assertIsObject($value);
        $this->assertSame('Zoé', $value->learners[0]->firstname);
        $this->assertSame($json, stored_value::to_text($stored));
        $this->assertSame('', stored_value::to_text(stored_value::from_text('')));
        $this->assertSame('plain text', stored_value::to_text(stored_value::from_text('plain text')));
    }

    /**
     * What local_shop itself stores (serialized stdClass, or an object of its classes) reads as JSON, and no
     * class is ever instantiated.
     */
    public function test_reads_local_shop_values(): void {
        $object = new \stdClass();
        $object->handlerparams = 'coursename=X';
        $this->assertSame('{"handlerparams":"coursename=X"}', stored_value::to_text(base64_encode(serialize($object))));
        $foreign = 'O:22:"local_shop\\CatalogItem":1:{s:7:"' . "\0*\0" . 'code";s:3:"ABC";}';
        $this->assertSame('{"code":"ABC"}', stored_value::to_text(base64_encode($foreign)));
        $this->assertSame('', stored_value::to_text(base64_encode(serialize(false))));
        $this->assertSame('not base64 !', stored_value::to_text('not base64 !'));
    }

    /**
     * A shop's pay modes.
     */
    public function test_paymodes(): void {
        $stored = base64_encode(serialize([['paypal' => 1, 'check' => 0, 'transfer' => '1']]));
        $this->assertSame('paypal,transfer', stored_value::paymodes_to_text($stored));
        $this->assertSame('check,transfer', stored_value::paymodes_to_text(stored_value::paymodes_from_text('check, transfer')));
        $this->assertSame('', stored_value::paymodes_to_text(null));
    }

    /**
     * Production feedback in local_shop's format: the back-office writes and reads the sales staff's part, and
     * keeps what local_shop wrote for the customer.
     */
    public function test_feedback(): void {
        $stored = stored_value::feedback_append('', 'SESSION-EXCEL: 4 accounts created');
        $object = json_decode(base64_decode($stored));
        $this->assertSame(['public' => '', 'private' => '', 'salesadmin' => 'SESSION-EXCEL: 4 accounts created'], (array) $object);
        $this->assertSame('SESSION-EXCEL: 4 accounts created', stored_value::feedback_to_text($stored));
        $fromshop = base64_encode(json_encode(['public' => 'Bienvenue', 'private' => 'x', 'salesadmin' => 'Known account']));
        $appended = stored_value::feedback_append($fromshop, 'Extended by hand');
        $this->assertSame("Known account\nExtended by hand", stored_value::feedback_to_text($appended));
        $this->assertSame('Bienvenue', json_decode(base64_decode($appended))->public);
        $this->assertSame('old text', stored_value::feedback_to_text(base64_encode('old text')));
        $this->assertSame('', stored_value::feedback_to_text(''));
    }

    /**
     * Production feedback is base64 text.
     */
    public function test_base64_text(): void {
        $this->assertSame("ligne 1\nligne 2", stored_value::base64_to_text(base64_encode("ligne 1\nligne 2")));
        $this->assertSame('', stored_value::base64_to_text(null));
    }
}
