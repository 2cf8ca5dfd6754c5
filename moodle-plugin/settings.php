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
 * Settings: the settling window, the scan interval, how long mutation ids are kept.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

if ($hassiteconfig) {
    $settings = new admin_settingpage('local_shopbackoffice', get_string('pluginname', 'local_shopbackoffice'));
    $ADMIN->add('localplugins', $settings);
    $settings->add(new admin_setting_configtext('local_shopbackoffice/settling',
        get_string('settling', 'local_shopbackoffice'), get_string('settling_desc', 'local_shopbackoffice'), 5, PARAM_INT));
    $settings->add(new admin_setting_configtext('local_shopbackoffice/scaninterval',
        get_string('scaninterval', 'local_shopbackoffice'), get_string('scaninterval_desc', 'local_shopbackoffice'), 10, PARAM_INT));
    $settings->add(new admin_setting_configtext('local_shopbackoffice/mutationdays',
        get_string('mutationdays', 'local_shopbackoffice'), get_string('mutationdays_desc', 'local_shopbackoffice'), 60, PARAM_INT));
}
