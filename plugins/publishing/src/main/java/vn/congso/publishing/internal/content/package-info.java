/** Vietnamese folding, slugs and safe Markdown. */
package vn.congso.publishing.internal.content;
