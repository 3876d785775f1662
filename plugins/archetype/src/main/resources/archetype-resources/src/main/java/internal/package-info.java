/** The ${pluginName} plugin: its entries, the permissions that guard them, and its dashboard indicator. */
package ${package}.internal;
