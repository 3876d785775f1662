package vn.congso.publishing.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.WeightedTerm;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jsoup.nodes.Entities;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.publishing.internal.article.Article;
import vn.congso.publishing.internal.article.ArticleService;
import vn.congso.publishing.internal.article.PublicationListener;
import vn.congso.publishing.internal.content.Folding;
import vn.congso.publishing.internal.content.SafeMarkdown;

/**
 * The full-text index of the published articles (Apache Lucene, embedded in this bundle), in
 * {@code <karaf.data>/publishing/index}. Every word is indexed twice, as written and folded
 * ({@link FoldingAnalyzer}): every query word must match in its folded form, and matches as
 * written score higher, so "pháp luật" ranks articles with exactly those marks above "phạt" or
 * "pháp lý" look-alikes while "phap luat" finds them all. Kept current on every publish and
 * withdrawal; {@link #rebuild()} remakes it from the database.
 */
@Component(service = {ArticleIndex.class, PublicationListener.class}, immediate = true)
public final class ArticleIndex implements PublicationListener {

    /** The district's time zone, for date filters. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int SNIPPET_CHARS = 160;

    private final Logger log = LoggerFactory.getLogger(ArticleIndex.class);
    private final ArticleService articles;
    private final SafeMarkdown markdown = new SafeMarkdown();
    private final Analyzer exact = new FoldingAnalyzer(false);
    private final Analyzer folded = new FoldingAnalyzer(true);
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** Articles read from the database at a time while rebuilding. */
    private static final int REBUILD_PAGE = 500;

    /**
     * Opens (or makes) the index under Karaf's data folder and fills it when it is empty.
     *
     * @param articles the articles
     * @throws IOException when the index cannot be opened
     */
    @Activate
    public ArticleIndex(@Reference ArticleService articles) throws IOException {
        this(articles, FSDirectory.open(indexFolder()));
        if (writer.getDocStats().numDocs == 0) {
            rebuild();
        }
    }

    ArticleIndex(ArticleService articles, Directory directory) throws IOException {
        this.articles = articles;
        this.directory = directory;
        Analyzer perField = new PerFieldAnalyzerWrapper(exact, Map.of("title_folded", folded, "body_folded", folded));
        this.writer = new IndexWriter(directory, new IndexWriterConfig(perField));
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * An index in memory, for tests.
     *
     * @param articles the articles
     * @return the index
     * @throws IOException never in practice
     */
    static ArticleIndex inMemory(ArticleService articles) throws IOException {
        return new ArticleIndex(articles, new ByteBuffersDirectory());
    }

    private static Path indexFolder() throws IOException {
        String data = System.getProperty("karaf.data", "data");
        Path folder = Paths.get(data, "publishing", "index");
        Files.createDirectories(folder);
        return folder;
    }

    /**
     * Remakes the index from the published articles in the database.
     *
     * @return how many articles it holds
     * @throws IOException when the index cannot be written
     */
    public synchronized int rebuild() throws IOException {
        // A page at a time, so that a large portal is not held in memory at once.
        writer.deleteAll();
        int count = 0;
        List<Long> ids = articles.publishedIds();
        for (int from = 0; from < ids.size(); from += REBUILD_PAGE) {
            for (Article a : articles.articles(ids.subList(from, Math.min(ids.size(), from + REBUILD_PAGE)))) {
                if (a.state() == vn.congso.publishing.internal.article.ArticleState.PUBLISHED) {
                    writer.addDocument(document(a));
                    count++;
                }
            }
        }
        writer.commit();
        searchers.maybeRefreshBlocking();
        log.info("Publishing search index rebuilt with {} article(s)", count);
        return count;
    }

    /** @return how many articles the index holds */
    public int size() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public synchronized void published(Article article) {
        try {
            writer.updateDocument(new Term("id", String.valueOf(article.id())), document(article));
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void withdrawn(long articleId) {
        try {
            writer.deleteDocuments(new Term("id", String.valueOf(articleId)));
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document document(Article a) {
        String text = a.summary() + "\n" + markdown.toText(a.body());
        Document d = new Document();
        d.add(new StringField("id", String.valueOf(a.id()), Field.Store.YES));
        d.add(new StoredField("slug", a.slug()));
        d.add(new StringField("category", a.categoryId(), Field.Store.YES));
        long published = a.publishAt() == null ? 0 : a.publishAt().toEpochMilli();
        d.add(new LongPoint("published", published));
        d.add(new StoredField("published_at", published));
        d.add(new TextField("title", a.title() + " " + String.join(" ", a.tags()), Field.Store.NO));
        d.add(new TextField("title_folded", a.title() + " " + String.join(" ", a.tags()), Field.Store.NO));
        d.add(new StoredField("title_text", a.title()));
        d.add(new TextField("body", text, Field.Store.NO));
        d.add(new TextField("body_folded", text, Field.Store.YES));
        return d;
    }

    /**
     * Searches the published articles.
     *
     * @param text the words (with or without marks)
     * @param categoryId only this category, or null
     * @param from published on or after this day, or null
     * @param to published on or before this day, or null
     * @param offset hits to skip
     * @param limit most hits
     * @return the hits, best first
     */
    public SearchResult search(String text, String categoryId, LocalDate from, LocalDate to, int offset, int limit) {
        List<String> words = terms(exact, text == null ? "" : text);
        if (words.isEmpty() || words.size() > 32) {
            return new SearchResult(0, List.of());
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        Set<String> foldedWords = new LinkedHashSet<>();
        for (String word : words) {
            String f = Folding.fold(word);
            foldedWords.add(f);
            query.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term("title", word)), 8f), Occur.SHOULD)
                    .add(new BoostQuery(new TermQuery(new Term("body", word)), 4f), Occur.SHOULD)
                    .add(new BoostQuery(new TermQuery(new Term("title_folded", f)), 2f), Occur.SHOULD)
                    .add(new TermQuery(new Term("body_folded", f)), Occur.SHOULD)
                    .setMinimumNumberShouldMatch(1).build(), Occur.MUST);
        }
        if (categoryId != null) {
            query.add(new TermQuery(new Term("category", categoryId)), Occur.FILTER);
        }
        if (from != null || to != null) {
            long low = from == null ? Long.MIN_VALUE : from.atStartOfDay(ZONE).toInstant().toEpochMilli();
            long high = to == null ? Long.MAX_VALUE : to.plusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli() - 1;
            query.add(LongPoint.newRangeQuery("published", low, high), Occur.FILTER);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int wanted = Math.max(1, Math.min(offset + limit, 1000));
                TopDocs top = searcher.search(query.build(), wanted);
                WeightedTerm[] highlightTerms = foldedWords.stream().map(w -> new WeightedTerm(1f, w))
                        .toArray(WeightedTerm[]::new);
                Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"),
                        new SimpleHTMLEncoder(), new QueryTermScorer(highlightTerms));
                List<SearchHit> hits = new ArrayList<>();
                ScoreDoc[] docs = top.scoreDocs;
                for (int i = Math.max(0, offset); i < docs.length && hits.size() < limit; i++) {
                    Document d = searcher.storedFields().document(docs[i].doc);
                    String body = d.get("body_folded");
                    hits.add(new SearchHit(Long.parseLong(d.get("id")), d.get("slug"), d.get("title_text"),
                            snippet(highlighter, body), d.get("category"),
                            Instant.ofEpochMilli(d.getField("published_at").numericValue().longValue())));
                }
                return new SearchResult(top.totalHits.value, hits);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String snippet(Highlighter highlighter, String body) throws IOException {
        try (TokenStream tokens = folded.tokenStream("body_folded", body)) {
            String best = highlighter.getBestFragment(tokens, body);
            if (best != null) {
                return best;
            }
        } catch (InvalidTokenOffsetsException e) {
            log.debug("No highlight for a snippet", e);
        }
        String start = body.length() > SNIPPET_CHARS ? body.substring(0, SNIPPET_CHARS) + "…" : body;
        return Entities.escape(start);
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Closes the index. */
    @Deactivate
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
