/** The sample plugin of PluginAdminIT: one public view and one table. */
package vn.congso.itests.sample.internal;
