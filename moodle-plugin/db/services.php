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
 * Web service functions and the ready-made "Shop back-office" service.
 *
 * @package    local_shopbackoffice
 * @copyright  2026 Shop back-office developers
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$functions = [];

$reads = [
    'get_site' => 'The site identity and the shop settings the back-office needs.',
    'sync_shops' => 'Shops changed or deleted since a cursor.',
    'sync_taxes' => 'Taxes changed or deleted since a cursor.',
    'sync_catalogs' => 'Catalogs changed or deleted since a cursor.',
    'sync_categories' => 'Catalog categories changed or deleted since a cursor.',
    'sync_catalogitems' => 'Catalog items changed or deleted since a cursor.',
    'sync_customers' => 'Customers changed or deleted since a cursor.',
    'sync_bills' => 'Bills, with their lines, payments and history, changed or deleted since a cursor.',
    'sync_products' => 'Product instances changed or deleted since a cursor.',
    'sync_productevents' => 'Product events since a cursor.',
    'get_enrolments' => "The user enrolments of a set of courses: method, status, dates, the user's roles and groups.",
];
$writes = [
    'save_catalog' => 'Creates or updates a catalog (versioned).',
    'delete_catalog' => 'Deletes an empty catalog (versioned).',
    'save_category' => 'Creates or updates a catalog category (versioned).',
    'delete_category' => 'Deletes an empty catalog category (versioned).',
    'save_catalogitem' => 'Creates or updates a catalog item (versioned).',
    'delete_catalogitem' => 'Deletes a catalog item no bill refers to (versioned).',
    'update_customer' => "Updates a customer's identity and addresses (versioned).",
    'transition_bill' => "Moves a bill along the shop's flow-control table.",
    'record_payment' => 'Records an offline payment on a bill.',
    'record_refund' => 'Issues a credit note for all or part of an invoiced bill and records its refund.',
    'set_bill_lettering' => "Records a bill's formal invoice number.",
    'record_production' => 'Records the products and events a product handler made for a bill line.',
];
foreach ([$reads, $writes] as $i => $group) {
    foreach ($group as $name => $description) {
        $functions['local_shopbackoffice_' . $name] = [
            'classname' => 'local_shopbackoffice\\external\\' . $name,
            'description' => $description,
            'type' => $i === 0 ? 'read' : 'write',
            'capabilities' => 'local/shopbackoffice:use',
            'ajax' => false,
        ];
    }
}

$services = [
    'Shop back-office' => [
        'shortname' => 'local_shopbackoffice',
        // Every function the back-office calls, Moodle's own included: one service, one token.
        'functions' => array_merge(array_keys($functions), [
            'core_webservice_get_site_info',
            'core_user_get_users',
            'core_user_get_users_by_field',
            'core_user_create_users',
            'core_course_get_courses_by_field',
            'core_enrol_get_course_enrolment_methods',
            'core_enrol_get_enrolled_users',
            'enrol_manual_enrol_users',
            'core_group_create_groups',
            'core_group_get_course_groups',
            'core_group_add_group_members',
            'core_role_assign_roles',
            'core_message_send_instant_messages',
        ]),
        'restrictedusers' => 1,
        'enabled' => 0,
        'downloadfiles' => 0,
        'uploadfiles' => 0,
    ],
];
