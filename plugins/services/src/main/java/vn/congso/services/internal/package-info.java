/** The public-services plugin: settings, permissions, roles and demo data. */
package vn.congso.services.internal;
