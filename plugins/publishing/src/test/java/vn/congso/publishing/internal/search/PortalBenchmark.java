package vn.congso.publishing.internal.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.lucene.store.FSDirectory;
import vn.congso.api.web.PublicLinks;
import vn.congso.publishing.internal.article.Fixture;
import vn.congso.publishing.internal.content.Folding;
import vn.congso.publishing.internal.web.Feeds;

/**
 * Prints (not asserts) the figures of issue 16's benchmarks on an on-disk Derby with 100,000
 * published articles (generated: a Zipf-distributed vocabulary of a few thousand syllables, one word in
 * ten from the portal's own words): tone-insensitive search through the Lucene index (target p95 ≤ 30 ms)
 * beside the baseline a CMS without an index uses (SQL {@code LIKE} over the titles, which
 * also misses every query typed without marks), and the RSS feed (target ≤ 50 ms) beside the
 * bare query of its 30 newest rows.
 *
 * <pre>mvn -o -q -pl plugins/publishing test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=vn.congso.publishing.internal.search.PortalBenchmark   # -Dbench.articles=100000</pre>
 */
public final class PortalBenchmark {

    private static final String[] WORDS = ("thủ tục hành chính đăng ký khai sinh kết hôn chứng thực bản sao đất đai xây dựng"
            + " hộ kinh doanh bảo trợ xã hội pháp luật tuyên truyền thanh toán không dùng tiền mặt dịch vụ công trực tuyến"
            + " ủy ban nhân dân xã thị trấn huyện Trần Đề Sóc Trăng Cần Thơ người dân doanh nghiệp cán bộ công chức"
            + " hướng dẫn thông báo kế hoạch triển khai chuyển đổi số nông nghiệp thủy sản giáo dục y tế").split(" ");
    private static final List<String> QUERIES = List.of("phap luat", "pháp luật", "dang ky khai sinh", "đất đai", "dat dai",
            "thanh toan khong dung tien mat", "chuyển đổi số", "ho kinh doanh", "tran de", "bảo trợ xã hội", "y te",
            "dịch vụ công trực tuyến");

    private PortalBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args unused
     * @throws Exception when the database or the index fails
     */
    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("bench.articles", 100_000);
        Path folder = Files.createTempDirectory("publishing-bench");
        Fixture f = new Fixture(folder, true);
        long t0 = System.nanoTime();
        insert(f, count);
        System.out.printf(Locale.ROOT, "%,d published articles written to on-disk Derby in %.1f s%n", count,
                (System.nanoTime() - t0) / 1e9);

        t0 = System.nanoTime();
        ArticleIndex index = new ArticleIndex(f.service, FSDirectory.open(Files.createDirectories(folder.resolve("index"))));
        int indexed = index.rebuild();
        System.out.printf(Locale.ROOT, "index rebuilt from the database: %,d articles in %.1f s%n", indexed,
                (System.nanoTime() - t0) / 1e9);

        // Warm up both paths, then measure.
        for (int i = 0; i < 200; i++) {
            index.search(QUERIES.get(i % QUERIES.size()), null, null, null, 0, 10);
        }
        double[] lucene = times(600, i -> (int) index.search(QUERIES.get(i % QUERIES.size()), null, null, null, 0, 10).total());
        int[] found = new int[2];
        for (String q : QUERIES) {
            found[0] += index.search(q, null, null, null, 0, 10).total() > 0 ? 1 : 0;
        }
        double[] like;
        try (Connection c = f.database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, title FROM publishing_article"
                        + " WHERE state = 'PUBLISHED' AND (title LIKE ? OR summary LIKE ?) ORDER BY publish_at DESC"
                        + " FETCH FIRST 10 ROWS ONLY")) {
            Timed likeQuery = i -> {
                String q = "%" + QUERIES.get(i % QUERIES.size()) + "%";
                ps.setString(1, q);
                ps.setString(2, q);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n++;
                    }
                }
                return n;
            };
            times(12, likeQuery);
            like = times(60, likeQuery);
            for (int i = 0; i < QUERIES.size(); i++) {
                found[1] += likeQuery.run(i) > 0 ? 1 : 0;
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-58s %8s %8s %8s %s%n", "search, first 10 hits of " + count, "p50 ms", "p95 ms",
                "p99 ms", "queries with hits");
        print("Lucene, folded (target p95 <= 30 ms)", lucene, found[0] + "/" + QUERIES.size());
        print("baseline: SQL LIKE on title/summary, marks as typed", like, found[1] + "/" + QUERIES.size());

        PublicLinks links = new PublicLinks() {
            @Override
            public String base() {
                return "https://trande.soctrang.gov.vn";
            }

            @Override
            public String absolute(String path) {
                return base() + path;
            }
        };
        Feeds feeds = new Feeds(f.service, links, locale -> "Cổng thông tin huyện Trần Đề");
        Locale vi = Locale.forLanguageTag("vi");
        times(50, i -> feeds.generate(null, false, vi).orElseThrow().length());
        double[] rss = times(300, i -> feeds.generate(null, false, vi).orElseThrow().length());
        double[] atom = times(300, i -> feeds.generate(null, true, vi).orElseThrow().length());
        times(50, i -> feeds.generate("tin-tuc", false, vi).orElseThrow().length());
        double[] category = times(300, i -> feeds.generate("tin-tuc", i % 2 == 0, vi).orElseThrow().length());
        double[] rows = times(300, i -> f.service.publishedPage(null, 0, Feeds.SIZE).size());
        double[] categoryRows = times(300, i -> f.service.publishedPage("tin-tuc", 0, Feeds.SIZE).size());
        double[] served = times(300, i -> feeds.feed(i % 2 == 0 ? "tin-tuc" : null, i % 3 == 0, vi).orElseThrow().length());
        System.out.println();
        System.out.printf(Locale.ROOT, "%-58s %8s %8s %8s%n", "feeds (" + Feeds.SIZE + " newest of " + count + ")", "p50 ms",
                "p95 ms", "p99 ms");
        print("RSS 2.0 built, overall (target <= 50 ms)", rss, "");
        print("Atom built, overall (target <= 50 ms)", atom, "");
        print("RSS and Atom built, one category (target <= 50 ms)", category, "");
        print("baseline: the feed's database query alone", rows, "");
        print("baseline: a category feed's database query alone", categoryRows, "");
        print("served as readers get it (built once, kept until a change)", served, "");
        System.out.printf(Locale.ROOT, "%nheap used after the runs: %d MB (max %d MB)%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        index.close();
        System.exit(0);
    }

    /** One timed operation; the result keeps the work from being optimised away. */
    @FunctionalInterface
    private interface Timed {
        int run(int i) throws Exception;
    }

    private static double[] times(int runs, Timed work) throws Exception {
        double[] ms = new double[runs];
        long sink = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            sink += work.run(i);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void print(String what, double[] sorted, String extra) {
        System.out.printf(Locale.ROOT, "%-58s %8.2f %8.2f %8.2f %s%n", what, at(sorted, 0.50), at(sorted, 0.95),
                at(sorted, 0.99), extra);
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static void insert(Fixture f, int count) throws Exception {
        Random random = new Random(16);
        String[] categories = {"tin-tuc", "chi-dao-dieu-hanh", "pho-bien-giao-duc-phap-luat", "tuyen-truyen"};
        Instant start = Instant.parse("2020-01-01T01:00:00Z");
        try (Connection c = f.database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO publishing_article (slug, title, summary, body,"
                    + " category_id, tags, language, author, author_name, procedures, pinned, featured, state, publish_at,"
                    + " version, created_at, updated_at, views) VALUES (?, ?, ?, ?, ?, '', 'vi', 'bench', 'Biên tập',"
                    + " '', FALSE, FALSE, 'PUBLISHED', ?, 1, ?, ?, 0)")) {
                for (int i = 0; i < count; i++) {
                    String title = sentence(random, 8) + " " + i;
                    Timestamp at = Timestamp.from(start.plus(i * 25L, ChronoUnit.MINUTES));
                    ps.setString(1, Folding.slug(title));
                    ps.setString(2, title);
                    ps.setString(3, sentence(random, 20));
                    ps.setString(4, paragraphs(random));
                    ps.setString(5, categories[i % categories.length]);
                    ps.setTimestamp(6, at);
                    ps.setTimestamp(7, at);
                    ps.setTimestamp(8, at);
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
        }
    }

    /**
     * Syllables of a generated vocabulary (onset × rhyme × tone, a few thousand), drawn with a
     * Zipf distribution as words are in real text; one word in ten is from the portal's own
     * vocabulary ({@link #WORDS}), so a query's words are in some thousands of articles, not all.
     */
    private static final String[] SYLLABLES = syllables();
    private static final double[] ZIPF = zipf(SYLLABLES.length);

    private static String[] syllables() {
        String[] onsets = {"b", "c", "ch", "d", "đ", "g", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t", "th",
            "tr", "v", "x"};
        String[][] rhymes = {{"a", "á", "à", "ả", "ã", "ạ"}, {"an", "án", "àn", "ản", "ãn", "ạn"},
            {"anh", "ánh", "ành", "ảnh", "ãnh", "ạnh"}, {"ong", "óng", "òng", "ỏng", "õng", "ọng"},
            {"ươi", "ưới", "ười", "ưởi", "ưỡi", "ượi"}, {"iên", "iến", "iền", "iển", "iễn", "iện"},
            {"ô", "ố", "ồ", "ổ", "ỗ", "ộ"}, {"ui", "úi", "ùi", "ủi", "ũi", "ụi"}, {"ât", "ất", "ật", "ât", "ất", "ật"},
            {"oan", "oán", "oàn", "oản", "oãn", "oạn"}, {"ưng", "ứng", "ừng", "ửng", "ững", "ựng"},
            {"em", "ém", "èm", "ẻm", "ẽm", "ẹm"}, {"ai", "ái", "ài", "ải", "ãi", "ại"}, {"ơn", "ớn", "ờn", "ởn", "ỡn", "ợn"},
            {"ung", "úng", "ùng", "ủng", "ũng", "ụng"}, {"inh", "ính", "ình", "ỉnh", "ĩnh", "ịnh"}};
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String[] rhyme : rhymes) {
            for (String tone : rhyme) {
                for (String onset : onsets) {
                    out.add(onset + tone);
                }
            }
        }
        List<String> list = new ArrayList<>(out);
        java.util.Collections.shuffle(list, new Random(7));
        return list.toArray(String[]::new);
    }

    private static double[] zipf(int n) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static String word(Random random) {
        if (random.nextInt(10) == 0) {
            return WORDS[random.nextInt(WORDS.length)];
        }
        int i = Arrays.binarySearch(ZIPF, random.nextDouble());
        return SYLLABLES[Math.min(SYLLABLES.length - 1, i < 0 ? -i - 1 : i)];
    }

    private static String sentence(Random random, int words) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            out.add(word(random));
        }
        String s = String.join(" ", out);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String paragraphs(Random random) {
        Supplier<String> p = () -> sentence(random, 25) + ". " + sentence(random, 20) + ".";
        return p.get() + "\n\n" + p.get() + "\n\n" + p.get();
    }
}
