/** What the portal serves outside Vaadin: feeds, images, leaflets, link previews. */
package vn.congso.publishing.internal.web;
