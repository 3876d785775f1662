/** Articles, categories, revisions, comments and the editorial workflow. */
package vn.congso.publishing.internal.article;
