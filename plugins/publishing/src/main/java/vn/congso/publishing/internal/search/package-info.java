/** Full-text search of the published articles with Vietnamese folding (Apache Lucene). */
package vn.congso.publishing.internal.search;
