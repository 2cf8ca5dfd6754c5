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
 * Shop back-office: the web services the back-office desktop app syncs local_shop with.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$plugin->component = 'local_shopbackoffice';
$plugin->version = 2026121800;
$plugin->release = '1.3.1';
$plugin->maturity = MATURITY_BETA;
// Moodle 4.5 LTS (2024100700) and later; 5.0 is 2025041400.
$plugin->requires = 2024100700;
$plugin->supported = [405, 500];
$plugin->dependencies = ['local_shop' => 2025011400];
