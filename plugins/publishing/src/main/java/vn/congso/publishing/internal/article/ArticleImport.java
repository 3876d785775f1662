package vn.congso.publishing.internal.article;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import vn.congso.publishing.internal.content.Folding;

/**
 * Reads existing articles from Markdown and HTML files with front matter, one article per file,
 * from a ZIP archive, a folder, or single files. Nothing is trusted: sizes and counts are limited
 * while reading (a ZIP's declared sizes are ignored), a file must be UTF-8, and every problem is
 * named by file and line. Reading stores nothing; {@link ArticleService#importAll} does, all or
 * nothing.
 *
 * <pre>
 * ---
 * title: Hướng dẫn đăng ký khai sinh trực tuyến
 * summary: Ba bước trên Cổng dịch vụ công
 * category: Phổ biến giáo dục pháp luật     (its id, or its Vietnamese or English name)
 * tags: hộ tịch, dịch vụ công
 * language: vi
 * review: 2027-06-30
 * ---
 * Nội dung **Markdown**…
 * </pre>
 *
 * Without a {@code title}, a Markdown file's first {@code # heading} or an HTML file's
 * {@code <title>}/{@code <h1>} is the title. An HTML file's body is kept as HTML (sanitised when
 * shown, like any Markdown body).
 */
public final class ArticleImport {

    /** The most files one import reads. */
    public static final int MAX_FILES = 500;
    /** The largest article file. */
    public static final long MAX_FILE_BYTES = 1024L * 1024;
    /** The largest archive (and the most bytes read out of it). */
    public static final long MAX_ARCHIVE_BYTES = 20L * 1024 * 1024;

    private static final List<String> KEYS = List.of("title", "summary", "category", "tags", "language", "review");
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /**
     * A problem in one file.
     *
     * @param file the file's name (its path inside the archive)
     * @param line the line, 1-based; 0 for the whole file
     * @param key the translation key
     * @param args its arguments
     */
    public record Problem(String file, int line, String key, List<Object> args) {
        /** Copies the arguments. */
        public Problem {
            args = List.copyOf(args);
        }
    }

    /**
     * One article read from a file.
     *
     * @param file the file's name
     * @param draft the article
     * @param lines the line of each front-matter key, for problems found later
     */
    public record Item(String file, ArticleDraft draft, Map<String, Integer> lines) {
        /** Copies the lines. */
        public Item {
            lines = Map.copyOf(lines);
        }

        /** @param key a front-matter key @return its line, or 0 when the file did not set it */
        public int line(String key) {
            return lines.getOrDefault(key, 0);
        }
    }

    /**
     * What an import would create.
     *
     * @param items the articles read
     * @param problems every problem; any problem and nothing is imported
     * @param ignored files that are not articles (images, notes), named so nobody wonders
     */
    public record Preview(List<Item> items, List<Problem> problems, List<String> ignored) {
        /** Copies the lists. */
        public Preview {
            items = List.copyOf(items);
            problems = List.copyOf(problems);
            ignored = List.copyOf(ignored);
        }

        /** @return whether the import may be committed */
        public boolean ok() {
            return problems.isEmpty() && !items.isEmpty();
        }
    }

    private final Function<String, Optional<Category>> categories;
    private final List<Item> items = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();

    /**
     * @param categories the category list, to find a category by id or name
     */
    ArticleImport(List<Category> categories) {
        this.categories = value -> {
            String folded = Folding.fold(value);
            return categories.stream().filter(c -> c.id().equals(value.strip()) || Folding.fold(c.nameVi()).equals(folded)
                    || Folding.fold(c.nameEn()).equals(folded)).findFirst();
        };
    }

    /**
     * Reads an upload: a ZIP archive, or one Markdown or HTML file.
     *
     * @param fileName the name it was sent under
     * @param in its content, read once
     * @return the preview
     * @throws IOException when reading fails
     */
    Preview read(String fileName, InputStream in) throws IOException {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".zip")) {
            byte[] head = in.readNBytes(4);
            if (head.length < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
                problems.add(new Problem(fileName, 0, "publishing.import.error.archive", List.of()));
                return new Preview(items, problems, ignored);
            }
            readZip(fileName, new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), in));
        } else if (isArticle(lower)) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            file(fileName, bytes);
        } else {
            problems.add(new Problem(fileName, 0, "publishing.import.error.type", List.of()));
        }
        return preview();
    }

    /**
     * Reads a folder (every Markdown and HTML file under it, in name order) or a ZIP archive on
     * the server's disk, for the console.
     *
     * @param path the folder or archive
     * @return the preview
     * @throws IOException when reading fails
     */
    Preview read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path p : files) {
                String name = path.relativize(p).toString().replace('\\', '/');
                if (hidden(name)) {
                    continue;
                }
                if (!isArticle(name.toLowerCase(Locale.ROOT))) {
                    ignored.add(name);
                } else if (!counted(name)) {
                    break;
                } else {
                    try (InputStream in = Files.newInputStream(p)) {
                        file(name, in.readNBytes((int) MAX_FILE_BYTES + 1));
                    }
                }
            }
            return preview();
        }
        try (InputStream in = Files.newInputStream(path)) {
            return read(path.getFileName().toString(), in);
        }
    }

    private Preview preview() {
        if (items.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem("", 0, "publishing.import.error.empty", List.of()));
        }
        return new Preview(items, problems, ignored);
    }

    private void readZip(String archive, InputStream raw) throws IOException {
        long[] total = {0};
        InputStream limited = new InputStream() {
            @Override
            public int read() throws IOException {
                int b = raw.read();
                if (b >= 0 && ++total[0] > MAX_ARCHIVE_BYTES) {
                    throw new TooLarge();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = raw.read(buffer, offset, length);
                if (n > 0 && (total[0] += n) > MAX_ARCHIVE_BYTES) {
                    throw new TooLarge();
                }
                return n;
            }
        };
        long unpacked = 0;
        try (ZipInputStream zip = new ZipInputStream(limited, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory() || hidden(name)) {
                    continue;
                }
                if (!isArticle(name.toLowerCase(Locale.ROOT))) {
                    ignored.add(name);
                    continue;
                }
                if (!counted(name)) {
                    return;
                }
                byte[] bytes = zip.readNBytes((int) MAX_FILE_BYTES + 1);
                unpacked += bytes.length;
                if (unpacked > MAX_ARCHIVE_BYTES) {
                    problems.add(new Problem(archive, 0, "publishing.import.error.archive-too-large",
                            List.of(MAX_ARCHIVE_BYTES / (1024 * 1024))));
                    return;
                }
                file(name, bytes);
            }
        } catch (TooLarge e) {
            problems.add(new Problem(archive, 0, "publishing.import.error.archive-too-large",
                    List.of(MAX_ARCHIVE_BYTES / (1024 * 1024))));
        } catch (ZipException | IllegalArgumentException e) {
            problems.add(new Problem(archive, 0, "publishing.import.error.archive", List.of()));
        }
    }

    private boolean counted(String name) {
        if (items.size() + countFileProblems() >= MAX_FILES) {
            problems.add(new Problem(name, 0, "publishing.import.error.too-many", List.of(MAX_FILES)));
            return false;
        }
        return true;
    }

    private long countFileProblems() {
        return problems.stream().map(Problem::file).distinct().count();
    }

    private static boolean hidden(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return last.startsWith(".") || name.startsWith("__MACOSX/") || last.isEmpty();
    }

    private static boolean isArticle(String lower) {
        return lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".html") || lower.endsWith(".htm");
    }

    /** Reads one file; its problems are added, an article is added only when it has none. */
    void file(String name, byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            problems.add(new Problem(name, 0, "publishing.import.error.file-too-large", List.of(MAX_FILE_BYTES / 1024)));
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(name, firstBadLine(bytes), "publishing.import.error.encoding", List.of()));
            return;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = Arrays.asList(text.split("\r?\n", -1));
        int before = problems.size();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> at = new LinkedHashMap<>();
        int bodyStart = 0;
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            int end = -1;
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).strip().equals("---")) {
                    end = i;
                    break;
                }
                String line = lines.get(i);
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    problems.add(new Problem(name, i + 1, "publishing.import.error.line", List.of(line.strip())));
                    continue;
                }
                String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = unquote(line.substring(colon + 1).strip());
                if (!KEYS.contains(key)) {
                    problems.add(new Problem(name, i + 1, "publishing.import.error.key",
                            List.of(key, String.join(", ", KEYS))));
                } else if (values.containsKey(key)) {
                    problems.add(new Problem(name, i + 1, "publishing.import.error.key-twice", List.of(key)));
                } else {
                    values.put(key, value);
                    at.put(key, i + 1);
                }
            }
            if (end < 0) {
                problems.add(new Problem(name, 1, "publishing.import.error.front-matter", List.of()));
                return;
            }
            bodyStart = end + 1;
        }
        String body = String.join("\n", lines.subList(bodyStart, lines.size())).strip();
        boolean html = name.toLowerCase(Locale.ROOT).endsWith(".html") || name.toLowerCase(Locale.ROOT).endsWith(".htm");
        String title = values.getOrDefault("title", "");
        if (html) {
            Document document = Jsoup.parse(body);
            if (title.isBlank()) {
                Element h1 = document.selectFirst("h1");
                title = !document.title().isBlank() ? document.title() : h1 == null ? "" : h1.text();
                if (h1 != null && h1.text().equals(title)) {
                    h1.remove();
                }
            }
            // One HTML block for the Markdown renderer: a blank line would end it.
            body = document.body().html().lines().filter(l -> !l.isBlank()).reduce((a, b) -> a + "\n" + b).orElse("");
        } else if (title.isBlank()) {
            List<String> bodyLines = new ArrayList<>(Arrays.asList(body.split("\n", -1)));
            for (int i = 0; i < bodyLines.size(); i++) {
                String line = bodyLines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("# ")) {
                    title = line.substring(2).strip();
                    bodyLines.remove(i);
                    body = String.join("\n", bodyLines).strip();
                }
                break;
            }
        }
        if (title.isBlank()) {
            problems.add(new Problem(name, at.getOrDefault("title", 1), "publishing.import.error.title", List.of()));
        }
        String categoryId = null;
        if (!values.containsKey("category") || values.get("category").isBlank()) {
            problems.add(new Problem(name, 1, "publishing.import.error.category-missing", List.of()));
        } else {
            Optional<Category> category = categories.apply(values.get("category"));
            if (category.isEmpty()) {
                problems.add(new Problem(name, at.get("category"), "publishing.import.error.category",
                        List.of(values.get("category"))));
            } else {
                categoryId = category.get().id();
            }
        }
        String language = values.getOrDefault("language", "vi").toLowerCase(Locale.ROOT);
        if (!language.equals("vi") && !language.equals("en")) {
            problems.add(new Problem(name, at.get("language"), "publishing.import.error.language", List.of(language)));
        }
        java.time.Instant review = null;
        if (values.containsKey("review") && !values.get("review").isBlank()) {
            try {
                review = LocalDate.parse(values.get("review")).atStartOfDay(ZONE).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(new Problem(name, at.get("review"), "publishing.import.error.date",
                        List.of(values.get("review"))));
            }
        }
        if (problems.size() > before) {
            return;
        }
        List<String> tags = tags(values.getOrDefault("tags", ""));
        items.add(new Item(name, new ArticleDraft(title.strip(), values.getOrDefault("summary", ""), body, categoryId, tags,
                language, List.of(), false, false, null, null, review), at));
    }

    private static List<String> tags(String value) {
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        return Arrays.stream(v.split(",")).map(String::strip).map(ArticleImport::unquote).filter(t -> !t.isEmpty())
                .toList();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** The line of the first byte sequence that is not UTF-8. */
    private static int firstBadLine(byte[] bytes) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int number = 1;
        for (byte b : bytes) {
            if (b == '\n') {
                if (!utf8(line.toByteArray())) {
                    return number;
                }
                line.reset();
                number++;
            } else {
                line.write(b);
            }
        }
        return number;
    }

    private static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The archive went over its limit while it was read. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("archive too large");
        }
    }
}
