/** The ${pluginName} plugin's screen: a form that records an entry and the latest entries. */
package ${package}.internal.ui;
