/** Question exchange with Moodle: GIFT import and export, Moodle XML import; imports are all or nothing. */
package vn.congso.training.internal.exchange;
