package vn.congso.admin.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * An uploaded bundle that passed the archive and manifest checks: its identity and what it
 * needs from and offers to the resolver, read from its manifest as the framework would.
 *
 * @param file the jar, in the staging area
 * @param ref symbolic name and version
 * @param name Bundle-Name, or the symbolic name
 * @param vendor Bundle-Vendor, or empty
 * @param fragmentHost the host's symbolic name when the bundle is a fragment
 * @param requirements what it needs (optional and {@code effective:=active} ones left out)
 * @param capabilities what it offers
 * @param coreMarked whether it carries {@code CongSo-Core: true}, the mark of a core bundle
 * @param imports every imported package and dynamic import pattern, optional ones included
 */
record BundleCandidate(Path file, BundleRef ref, String name, String vendor, Optional<String> fragmentHost,
        List<Requirement> requirements, List<Capability> capabilities, boolean coreMarked, List<String> imports) {

    static final String PACKAGE = "osgi.wiring.package";
    static final String BUNDLE = "osgi.wiring.bundle";

    /**
     * Reads a bundle's manifest.
     *
     * @param file the jar
     * @param manifest its manifest
     * @return the candidate
     * @throws Refusal {@code plugin.refused.not-a-bundle} when it is not an OSGi R4+ bundle, or
     *         {@code plugin.refused.bad-manifest} when a header does not parse
     */
    static BundleCandidate read(Path file, Manifest manifest) throws Refusal {
        Attributes main = manifest.getMainAttributes();
        String symbolicName = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (symbolicName == null || symbolicName.isBlank() || !"2".equals(trim(main.getValue(Constants.BUNDLE_MANIFESTVERSION)))) {
            throw new Refusal("plugin.refused.not-a-bundle", file.getFileName().toString());
        }
        try {
            String bsn = HeaderClause.parse(symbolicName).get(0).name();
            Version version = Version.parseVersion(trim(main.getValue(Constants.BUNDLE_VERSION)));
            BundleRef ref = new BundleRef(bsn, version.toString());
            Optional<String> host = HeaderClause.parse(main.getValue(Constants.FRAGMENT_HOST)).stream()
                    .map(HeaderClause::name).findFirst();
            return new BundleCandidate(file, ref, orElse(main.getValue(Constants.BUNDLE_NAME), bsn),
                    orElse(main.getValue(Constants.BUNDLE_VENDOR), ""), host, requirements(ref, main),
                    capabilities(ref, version, main), "true".equalsIgnoreCase(trim(main.getValue(CorePolicy.CORE_HEADER))),
                    imports(main));
        } catch (IllegalArgumentException e) {
            throw new Refusal("plugin.refused.bad-manifest", file.getFileName().toString(), String.valueOf(e.getMessage()));
        }
    }

    /**
     * Every package the bundle may import, optional ones included, and its dynamic import
     * patterns (such as {@code vn.congso.*}), for the core-only package rule.
     */
    private static List<String> imports(Attributes main) {
        List<String> result = new ArrayList<>();
        for (String header : List.of(Constants.IMPORT_PACKAGE, Constants.DYNAMICIMPORT_PACKAGE)) {
            for (HeaderClause clause : HeaderClause.parse(main.getValue(header))) {
                result.addAll(clause.paths());
            }
        }
        return List.copyOf(result);
    }

    /** The version as an OSGi version, for ordering. */
    Version version() {
        return Version.parseVersion(ref.version());
    }

    private static List<Requirement> requirements(BundleRef ref, Attributes main) {
        List<Requirement> result = new ArrayList<>();
        for (HeaderClause clause : HeaderClause.parse(main.getValue(Constants.IMPORT_PACKAGE))) {
            if (optional(clause)) {
                continue;
            }
            VersionRange range = range(clause.attributes().get(Constants.VERSION_ATTRIBUTE));
            for (String pkg : clause.paths()) {
                result.add(new Requirement(ref, PACKAGE,
                        "(&(" + PACKAGE + "=" + pkg + ")" + range.toFilterString(Constants.VERSION_ATTRIBUTE) + ")",
                        pkg + " " + range));
            }
        }
        for (HeaderClause clause : HeaderClause.parse(main.getValue(Constants.REQUIRE_BUNDLE))) {
            if (optional(clause)) {
                continue;
            }
            VersionRange range = range(clause.attributes().get(Constants.BUNDLE_VERSION_ATTRIBUTE));
            for (String bsn : clause.paths()) {
                result.add(new Requirement(ref, BUNDLE, "(&(" + BUNDLE + "=" + bsn + ")"
                        + range.toFilterString(Constants.BUNDLE_VERSION_ATTRIBUTE) + ")", bsn + " " + range));
            }
        }
        for (HeaderClause clause : HeaderClause.parse(main.getValue(Constants.REQUIRE_CAPABILITY))) {
            String effective = clause.directive(Constants.EFFECTIVE_DIRECTIVE, Constants.EFFECTIVE_RESOLVE);
            if (optional(clause) || !Constants.EFFECTIVE_RESOLVE.equals(effective)) {
                continue; // effective:=active requirements (e.g. DS service references) are not the resolver's business
            }
            String filter = clause.directive(Constants.FILTER_DIRECTIVE, "");
            for (String namespace : clause.paths()) {
                result.add(new Requirement(ref, namespace, filter, namespace + (filter.isEmpty() ? "" : " " + filter)));
            }
        }
        return List.copyOf(result);
    }

    private static List<Capability> capabilities(BundleRef ref, Version version, Attributes main) {
        List<Capability> result = new ArrayList<>();
        Map<String, Object> bundle = new HashMap<>();
        bundle.put(BUNDLE, ref.symbolicName());
        bundle.put(Constants.BUNDLE_VERSION_ATTRIBUTE, version);
        result.add(new Capability(BUNDLE, bundle, ref));
        for (HeaderClause clause : HeaderClause.parse(main.getValue(Constants.EXPORT_PACKAGE))) {
            for (String pkg : clause.paths()) {
                Map<String, Object> attributes = new HashMap<>(clause.attributes());
                attributes.put(PACKAGE, pkg);
                Object exported = attributes.getOrDefault(Constants.VERSION_ATTRIBUTE, Version.emptyVersion);
                attributes.put(Constants.VERSION_ATTRIBUTE,
                        exported instanceof Version v ? v : Version.parseVersion(exported.toString()));
                attributes.put(Constants.BUNDLE_SYMBOLICNAME_ATTRIBUTE, ref.symbolicName());
                attributes.put(Constants.BUNDLE_VERSION_ATTRIBUTE, version);
                result.add(new Capability(PACKAGE, attributes, ref));
            }
        }
        for (HeaderClause clause : HeaderClause.parse(main.getValue(Constants.PROVIDE_CAPABILITY))) {
            for (String namespace : clause.paths()) {
                result.add(new Capability(namespace, clause.attributes(), ref));
            }
        }
        return List.copyOf(result);
    }

    private static boolean optional(HeaderClause clause) {
        return Constants.RESOLUTION_OPTIONAL.equals(clause.directive(Constants.RESOLUTION_DIRECTIVE, ""));
    }

    private static VersionRange range(Object value) {
        return value == null ? new VersionRange("0.0.0") : new VersionRange(value.toString());
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String orElse(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.trim();
    }
}
