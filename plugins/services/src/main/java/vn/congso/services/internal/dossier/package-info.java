/** The public-services plugin: dossier. */
package vn.congso.services.internal.dossier;
