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

/**
 * Bootstrap for the plugin's pure tests, run without Moodle by a plain PHPUnit (CI has no Moodle site):
 * the classes under test use nothing of Moodle's, so an autoloader for the plugin's namespace and Moodle's
 * base test case name are all they need. Inside a Moodle site, Moodle's own PHPUnit runs the same tests.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

define('MOODLE_INTERNAL', true);

spl_autoload_register(function(string $class) {
    $prefix = 'local_shopbackoffice\\';
    if (strpos($class, $prefix) === 0) {
        $file = __DIR__ . '/../../classes/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require_once($file);
        }
    }
});

if (!class_exists('basic_testcase')) {
    // phpcs:ignore
    abstract class basic_testcase extends \PHPUnit\Framework\TestCase {
    }
}
