/** Organisational units over time: the reorganisation file, its plan, its application and the unit directory. */
package vn.congso.security.internal.units;
