/** The public-services plugin: indicators. */
package vn.congso.services.internal.indicators;
