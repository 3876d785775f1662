/** The public-services plugin: catalogue. */
package vn.congso.services.internal.catalogue;
