package vn.congso.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Walks the pages of a running CongSo in one browser and collects, per page, what a reader
 * would notice: a raw translation key or a missing one ({@code !key!}), Vaadin's English
 * defaults on a Vietnamese page (Upload, date pickers), a table with no sentence for when it is
 * empty, a browser-tab title that does not name the page, {@code <html lang>} not following the
 * language, anything wider than its box (a long word on a phone), axe-core's landmark, region,
 * language and title rules, and every serious or critical violation of axe-core's default rules.
 *
 * <p>The routes are the ones the shell registered (its "View '…' added" log lines, minus those
 * removed since), and the walk also follows the links inside each page's {@code <main>} one step
 * (a course, an exam), so that pages with a parameter are visited with a real one.
 */
final class RouteWalker {

    /** Texts Vaadin's components show in English when a screen forgets their i18n. */
    static final List<String> VAADIN_ENGLISH = List.of("Upload File...", "Upload Files...", "Drop file here",
            "Drop files here", "File is too big.", "Too Many Files.", "Incorrect File Type.", "Connecting...",
            "Processing File...", "Today", "Cancel", "remaining time", "unknown remaining time");

    private static final Pattern VIEW_ADDED = Pattern.compile("(?:View|Screen) '([^']+)' added by bundle");
    private static final Pattern VIEW_REMOVED = Pattern.compile("(?:View|Screen) '([^']+)' removed");
    private static final Pattern MISSING = Pattern.compile("![a-z][\\w.-]*!");
    /** A dotted name in one of the platform's key spaces, shown as it is (a key, a raw audit action). */
    private static final Pattern RAW_KEY = Pattern.compile(
            "(?:congso|security|training|plugin|plugins|upload|picker|audit|gift|notify)(?:\\.[a-z0-9-]+)+");

    private static final String AXE_RULES = "['region', 'landmark-one-main', 'landmark-no-duplicate-main',"
            + " 'landmark-main-is-top-level', 'landmark-banner-is-top-level', 'landmark-no-duplicate-banner',"
            + " 'landmark-unique', 'landmark-complementary-is-top-level', 'landmark-contentinfo-is-top-level',"
            + " 'html-has-lang', 'html-lang-valid', 'document-title']";

    private final Browser browser;
    private final Set<String> knownKeys;
    private final String axe;

    RouteWalker(Browser browser, Path karafHome) throws IOException {
        this.browser = browser;
        this.knownKeys = translationKeys(karafHome);
        this.axe = axeSource();
    }

    /** The routes the shell has registered and not removed, from its log. */
    static List<String> registeredRoutes(Path karafHome) throws IOException {
        Map<String, Boolean> live = new LinkedHashMap<>();
        for (String line : Files.readAllLines(karafHome.resolve("data/log/karaf.log"), StandardCharsets.UTF_8)) {
            Matcher added = VIEW_ADDED.matcher(line);
            if (added.find()) {
                live.put(added.group(1), true);
            }
            Matcher removed = VIEW_REMOVED.matcher(line);
            if (removed.find()) {
                live.put(removed.group(1), false);
            }
        }
        List<String> routes = new ArrayList<>();
        live.forEach((route, present) -> {
            if (present) {
                routes.add(route);
            }
        });
        return routes;
    }

    /** Every translation key of the platform's own bundles (their OSGI-INF/l10n files). */
    private static Set<String> translationKeys(Path karafHome) throws IOException {
        Set<String> keys = new TreeSet<>();
        List<Path> jars;
        try (Stream<Path> files = Files.walk(karafHome.resolve("system/vn/congso"))) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().startsWith("OSGI-INF/l10n/") && entry.getName().endsWith(".properties")) {
                        Properties texts = new Properties();
                        try (InputStream in = file.getInputStream(entry)) {
                            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                        }
                        keys.addAll(texts.stringPropertyNames());
                    }
                }
            }
        }
        return keys;
    }

    private static String axeSource() throws IOException {
        try (InputStream in = RouteWalker.class.getResourceAsStream(
                "/META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js")) {
            if (in == null) {
                throw new IOException("axe.min.js is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String axeVersion() throws IOException {
        Properties pom = new Properties();
        try (InputStream in = RouteWalker.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            if (in == null) {
                throw new IOException("the axe-core webjar is not on the test class path");
            }
            pom.load(in);
        }
        return pom.getProperty("version");
    }

    /**
     * Visits the paths and every internal link found inside their {@code <main>}, once each.
     *
     * @param start paths such as {@code /} or {@code /admin/users}
     * @param language the page language the session is in ({@code vi} or {@code en})
     * @param districtName the district's name in that language, which every title ends with
     * @param limit the most pages to visit
     * @return the problems found, "path: what"; and the visited paths
     */
    Walk walk(Collection<String> start, String language, String districtName, int limit) {
        Set<String> queue = new LinkedHashSet<>(start);
        Set<String> visited = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        while (!queue.isEmpty() && visited.size() < limit) {
            String path = queue.iterator().next();
            queue.remove(path);
            if (!visited.add(path)) {
                continue;
            }
            browser.get(path);
            try {
                browser.wait(30).until(d -> Boolean.TRUE.equals(browser.js().executeScript(
                        "const m = document.getElementById('main-content');"
                                + " const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;"
                                + " const busy = clients && Object.values(clients).some(c => c.isActive && c.isActive());"
                                + " return !!m && m.children.length > 0 && !busy && document.title.length > 0;")));
            } catch (RuntimeException e) {
                problems.add(path + ": the page did not finish loading (" + e.getClass().getSimpleName() + ")");
                continue;
            }
            String shown = browser.path();
            problems.addAll(check(shown.equals(path) ? path : path + " (shown " + shown + ")", language, districtName));
            for (Object href : (List<?>) browser.js().executeScript(
                    "return Array.from(document.querySelectorAll('#main-content a[href]'))"
                            + ".map(a => a.getAttribute('href'));")) {
                internal(String.valueOf(href)).filter(p -> !visited.contains(p)).ifPresent(queue::add);
            }
        }
        return new Walk(List.copyOf(visited), problems);
    }

    /**
     * @param visited the paths visited, in order
     * @param problems what was found, "path: what"
     */
    record Walk(List<String> visited, List<String> problems) {
    }

    /** A link to a page of this server, as a path; none for downloads, sign-out or other sites. */
    private static java.util.Optional<String> internal(String href) {
        if (href.isBlank() || href.startsWith("#") || href.startsWith("mailto:") || href.contains("VAADIN/")
                || href.contains("://") || href.startsWith("//") || href.endsWith(".pdf") || href.endsWith(".csv")) {
            return java.util.Optional.empty();
        }
        String path = URI.create("http://x/").resolve(href.startsWith("/") ? href : "/" + href).getPath();
        if (path.startsWith("/logout") || path.startsWith("/themes/") || path.startsWith("/plugin-styles/")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(path);
    }

    /** The problems on the page now shown. */
    @SuppressWarnings("unchecked")
    List<String> check(String where, String language, String districtName) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> page = (Map<String, Object>) browser.js().executeScript(
                "const texts = []; const attrs = [];"
                        + "const walk = root => { for (const n of root.childNodes) {"
                        + "  if (n.nodeType === 3) { const t = n.textContent.trim(); if (t) texts.push(t); }"
                        + "  else if (n.nodeType === 1) {"
                        + "    if (['SCRIPT', 'STYLE', 'TEMPLATE'].includes(n.tagName)) continue;"
                        + "    for (const a of ['placeholder', 'title', 'aria-label', 'label', 'helper-text', 'error-message']) {"
                        + "      const v = n.getAttribute(a); if (v && v.trim()) attrs.push(v.trim()); }"
                        + "    walk(n); if (n.shadowRoot) walk(n.shadowRoot); } } };"
                        + "walk(document.body);"
                        + "const pickers = Array.from(document.querySelectorAll('vaadin-date-picker'))"
                        + "  .filter(p => !p.i18n || p.i18n.today === 'Today' && document.documentElement.lang !== 'en').map(p => p.id || '?');"
                        + "const uploads = Array.from(document.querySelectorAll('vaadin-upload'))"
                        + "  .filter(u => !u.i18n || (u.i18n.addFiles && u.i18n.addFiles.one === 'Upload File...'"
                        + "     && document.documentElement.lang !== 'en')).map(u => u.id || '?');"
                        + "const grids = Array.from(document.querySelectorAll('vaadin-grid'))"
                        + "  .filter(g => !g.querySelector(':scope > [slot=empty-state]')).map(g => g.id || '?');"
                        + "const main = document.querySelectorAll('main');"
                        + "return { texts: texts, attrs: attrs, pickers: pickers, uploads: uploads, grids: grids,"
                        + "  title: document.title, lang: document.documentElement.lang, mains: main.length,"
                        + "  mainId: main.length ? main[0].id : '', headers: document.querySelectorAll('header').length };");
        List<String> texts = new ArrayList<>((List<String>) page.get("texts"));
        texts.addAll((List<String>) page.get("attrs"));
        for (String text : texts) {
            Matcher missing = MISSING.matcher(text);
            if (missing.find()) {
                problems.add(where + ": missing translation " + missing.group());
            }
            if (knownKeys.contains(text) || RAW_KEY.matcher(text).matches()) {
                problems.add(where + ": raw key on the page: " + text);
            }
            if ("vi".equals(language) && VAADIN_ENGLISH.contains(text)) {
                problems.add(where + ": Vaadin's English on a Vietnamese page: " + text);
            }
        }
        for (Object id : (List<?>) page.get("pickers")) {
            problems.add(where + ": date picker without the platform's texts: " + id);
        }
        for (Object id : (List<?>) page.get("uploads")) {
            problems.add(where + ": upload without the platform's texts: " + id);
        }
        for (Object id : (List<?>) page.get("grids")) {
            problems.add(where + ": table without a sentence for when it is empty: " + id);
        }
        String title = String.valueOf(page.get("title"));
        if (!title.endsWith(" – " + districtName) || title.length() <= districtName.length() + 3) {
            problems.add(where + ": the tab's title does not name the page and the district: " + title);
        }
        if (!language.equals(page.get("lang"))) {
            problems.add(where + ": <html lang> is " + page.get("lang") + ", not " + language);
        }
        if (((Number) page.get("mains")).intValue() != 1 || !"main-content".equals(page.get("mainId"))) {
            problems.add(where + ": not exactly one <main id=main-content>");
        }
        if (((Number) page.get("headers")).intValue() < 1) {
            problems.add(where + ": no <header> landmark");
        }
        problems.addAll(overflow(where));
        problems.addAll(axe(where));
        return problems;
    }

    /**
     * Nothing in the page's content is wider than its box (a long unbroken word in a card, a
     * title, a label): the content area and the document do not scroll sideways, and no element
     * in {@code <main>} spills out of its own width. Elements meant to scroll sideways (a table,
     * {@code overflow-x: auto}, a text field's input) or to cut with an ellipsis are left alone, as
     * are the cells of a Vaadin grid, which scrolls as a whole. Only the innermost overflowing element is named.
     */
    @SuppressWarnings("unchecked")
    List<String> overflow(String where) {
        List<String> found = (List<String>) browser.js().executeScript(
                "const out = []; const doc = document.scrollingElement || document.documentElement;"
                        + "if (doc.scrollWidth > doc.clientWidth + 1)"
                        + "  out.push('the page scrolls sideways: ' + doc.scrollWidth + ' px in a ' + doc.clientWidth + ' px window');"
                        + "const main = document.getElementById('main-content'); if (!main) return out;"
                        + "if (main.scrollWidth > main.clientWidth + 1)"
                        + "  out.push('<main> scrolls sideways: ' + main.scrollWidth + ' px in ' + main.clientWidth + ' px');"
                        + "const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                        + "  + (e.classList.length ? '.' + Array.from(e.classList).join('.') : '');"
                        + "const spilling = [];"
                        + "for (const e of main.querySelectorAll('*')) {"
                        // a text field's own <input> scrolls its value by design
                        + "  if (e.closest('vaadin-grid') || e.tagName === 'INPUT' || e.tagName === 'TEXTAREA') continue;"
                        + "  const s = getComputedStyle(e);"
                        + "  if (s.display === 'inline' || s.display === 'none' || s.display === 'contents' || e.clientWidth === 0) continue;"
                        + "  if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.textOverflow === 'ellipsis') continue;"
                        + "  if (e.scrollWidth > e.clientWidth + 1) spilling.push(e); }"
                        + "for (const e of spilling) {"
                        + "  if (spilling.some(o => o !== e && e.contains(o))) continue;"
                        + "  const text = (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);"
                        + "  out.push(name(e) + ' is ' + e.scrollWidth + ' px wide in ' + e.clientWidth + ' px: \"' + text + '\"'); }"
                        + "return out.slice(0, 6);");
        List<String> problems = new ArrayList<>();
        for (String problem : found) {
            problems.add(where + ": too wide: " + problem);
        }
        return problems;
    }

    /**
     * axe-core's whole default rule set (WCAG 2 A and AA, best practices) on the page now shown:
     * every serious or critical violation, and any violation of the landmark, region, language
     * and title rules whatever its impact. What Vaadin's own components do in their shadow DOM and
     * we cannot change is left out rule by rule and element by element ({@link #VAADIN_OWN}).
     */
    @SuppressWarnings("unchecked")
    private List<String> axe(String where) {
        if (!Boolean.TRUE.equals(browser.js().executeScript("return !!window.axe;"))) {
            browser.js().executeScript(axe);
        }
        List<Object> violations = (List<Object>) browser.js().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const always = " + AXE_RULES + ";"
                        + "const vaadinOwn = " + VAADIN_OWN + ";"
                        // Vaadin's own loading bar: an empty, purely visual element the framework adds
                        // to <body>, outside any landmark by design; everything else is checked.
                        + "axe.run({ exclude: [['vaadin-connection-indicator']] }, { resultTypes: ['violations'] })"
                        + "  .then(r => done(r.violations"
                        + "    .filter(v => v.impact === 'serious' || v.impact === 'critical' || always.includes(v.id))"
                        + "    .map(v => ({ v: v, nodes: v.nodes.filter(n => !vaadinOwn(v, n)) }))"
                        + "    .filter(x => x.nodes.length > 0)"
                        + "    .map(x => x.v.id + ' (' + x.v.impact + ', ' + x.v.help + '): '"
                        + "      + x.nodes.slice(0, 3).map(n => n.target.map(t => Array.isArray(t) ? t.join(' >> ') : t)"
                        + "        .join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 200)).join('; '))))"
                        + "  .catch(e => done(['axe failed: ' + e]));");
        List<String> problems = new ArrayList<>();
        for (Object violation : violations) {
            problems.add(where + ": axe " + violation);
        }
        return problems;
    }

    /**
     * The violations that come from Vaadin's own web components, which no code or style of ours
     * can change: each names one rule and the exact element (a part of a component's shadow DOM),
     * and says why. Everything else, in Vaadin components or not, is reported.
     *
     * <ul>
     * <li>{@code aria-required-children} on {@code vaadin-grid}'s shadow {@code <table id="table"
     * role="treegrid">}: axe 4.6 reports the grid's own body cells ({@code <td role="gridcell"
     * part="cell body-cell">}, rendered by Vaadin Grid 24 in its shadow DOM) as children a
     * treegrid may not own. Nothing of ours is in that table but the cells' slotted content, and
     * the grid's keyboard and screen-reader navigation are Vaadin's.</li>
     * <li>{@code aria-required-children} on {@code vaadin-tabs} ({@code role="tablist"}) when its
     * only "children not allowed" are its own scroll arrows, {@code <div part="back-button"
     * aria-hidden="true">} and {@code part="forward-button"}, which Vaadin Tabs 24 adds in its
     * shadow DOM when the tabs are wider than the screen (a phone); they are hidden from
     * assistive technology.</li>
     * </ul>
     */
    static final String VAADIN_OWN = "(v, n) => {"
            + " const path = Array.isArray(n.target[0]) ? n.target[0] : [n.target[0]];"
            + " const host = document.querySelector(path[0]); if (!host) return false;"
            + " if (v.id !== 'aria-required-children') return false;"
            + " if (host.localName === 'vaadin-grid' && path.length === 2 && path[1] === '#table') return true;"
            + " if (host.localName === 'vaadin-tabs' && path.length === 1) {"
            + "   const related = n.any.concat(n.all, n.none).flatMap(c => c.relatedNodes || []);"
            + "   return related.length > 0 && related.every(r => { const p = Array.isArray(r.target[0]) ? r.target[0] : r.target;"
            + "     return p.length === 2 && /^div\\[part=\"(back|forward)-button\"\\]$/.test(p[1]); }); }"
            + " return false; }";
}
