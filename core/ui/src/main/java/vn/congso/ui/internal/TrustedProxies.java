package vn.congso.ui.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose forwarding headers are believed ({@code trustedProxies} in PID
 * {@code vn.congso.ui}), and how the real client of a request is worked out from them.
 *
 * <p>{@code X-Forwarded-For}, {@code Forwarded} and {@code X-Forwarded-Proto} are written by
 * whoever sends the request, so they count only when the direct peer (the TCP connection's
 * other end) is a configured proxy. Each proxy appends the address it received the request
 * from, so the list is read from the right: trusted proxies are skipped and the right-most
 * address that is not one of them is the client. Anything to its left was written by the
 * client itself and is ignored. With no proxy configured (the default) every header is
 * ignored and the peer is the client.
 *
 * <p>Used by {@link TrustedProxyCustomizer}, which makes the resolved address what every
 * servlet and Vaadin sees as the remote address, and keeps the direct peer in the request
 * attribute {@link #DIRECT_PEER_ATTRIBUTE} for checks that must be about the connection
 * itself (a loopback-only endpoint, say).
 */
public final class TrustedProxies {

    /** Request attribute holding the direct peer's address (a String), before any forwarding header. */
    public static final String DIRECT_PEER_ATTRIBUTE = "vn.congso.ui.directPeer";

    /** No proxy trusted: forwarding headers are always ignored. */
    public static final TrustedProxies NONE = new TrustedProxies(Set.of());

    /** An IP literal: digits, hex digits, dots and colons only, so parsing never asks DNS. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Set<String> addresses;

    private TrustedProxies(Set<String> addresses) {
        this.addresses = Collections.unmodifiableSet(addresses);
    }

    /**
     * Parses a comma-separated list of IP addresses (IPv4 or IPv6 literals; no host names,
     * no ranges).
     *
     * @param list the configured value, may be null or blank for none
     * @return the trusted proxies
     * @throws IllegalArgumentException naming an entry that is not an IP address
     */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        Set<String> addresses = new LinkedHashSet<>();
        for (String entry : list.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            addresses.add(normalise(trimmed).orElseThrow(() -> new IllegalArgumentException(
                    "trustedProxies must list IP addresses, was '" + trimmed + "'")));
        }
        return new TrustedProxies(addresses);
    }

    /** The trusted addresses, normalised. */
    public Set<String> addresses() {
        return addresses;
    }

    /**
     * Whether an address is one of the trusted proxies.
     *
     * @param address an IP literal, may be null
     * @return {@code true} only for a configured proxy
     */
    public boolean isTrusted(String address) {
        return !addresses.isEmpty() && normalise(address).map(addresses::contains).orElse(false);
    }

    /**
     * Who the client of a request is, and whether it reached the first trusted hop over TLS.
     *
     * @param address the client's IP address
     * @param secure whether the client used HTTPS (directly, or to the trusted proxy)
     */
    public record Client(String address, boolean secure) {
    }

    /**
     * Works out the client of a request.
     *
     * @param peer the direct peer's IP address
     * @param peerSecure whether the connection from the peer is TLS
     * @param forwarded the {@code Forwarded} header lines, in order (may be empty)
     * @param forwardedFor the {@code X-Forwarded-For} header lines, in order (may be empty)
     * @param forwardedProto the {@code X-Forwarded-Proto} header lines, in order (may be empty)
     * @return the client: the peer itself unless the peer is a trusted proxy
     */
    public Client resolve(String peer, boolean peerSecure, List<String> forwarded, List<String> forwardedFor,
            List<String> forwardedProto) {
        String direct = normalise(peer).orElse(peer == null ? "" : peer);
        if (!isTrusted(direct)) {
            return new Client(direct, peerSecure);
        }
        List<Hop> hops = forwarded.isEmpty() ? xForwarded(forwardedFor, forwardedProto) : forwarded(forwarded);
        String client = direct;
        String proto = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Hop hop = hops.get(i);
            Optional<String> address = normalise(hop.address());
            if (address.isEmpty()) {
                // Not an address (obfuscated, "unknown", garbage): the last trusted hop is all we know.
                break;
            }
            client = address.get();
            proto = hop.proto();
            if (!addresses.contains(client)) {
                break;
            }
        }
        boolean secure = peerSecure || "https".equalsIgnoreCase(proto);
        return new Client(client, secure);
    }

    /** One hop of a forwarding chain: the address a proxy received the request from, and its scheme. */
    private record Hop(String address, String proto) {
    }

    /** RFC 7239: {@code Forwarded: for=192.0.2.60;proto=https, for="[2001:db8::1]:4711"}. */
    private static List<Hop> forwarded(List<String> lines) {
        List<Hop> hops = new ArrayList<>();
        for (String line : lines) {
            for (String element : line.split(",")) {
                String address = "";
                String proto = null;
                for (String pair : element.split(";")) {
                    int equals = pair.indexOf('=');
                    if (equals < 0) {
                        continue;
                    }
                    String name = pair.substring(0, equals).trim().toLowerCase(Locale.ROOT);
                    String value = unquote(pair.substring(equals + 1).trim());
                    if (name.equals("for")) {
                        address = withoutPort(value);
                    } else if (name.equals("proto")) {
                        proto = value;
                    }
                }
                hops.add(new Hop(address, proto));
            }
        }
        return hops;
    }

    /**
     * {@code X-Forwarded-For: client, proxy1} with {@code X-Forwarded-Proto}; the scheme is the
     * right-most {@code X-Forwarded-Proto} value, the one the nearest (trusted) proxy wrote.
     */
    private static List<Hop> xForwarded(List<String> forwardedFor, List<String> forwardedProto) {
        String proto = null;
        for (String line : forwardedProto) {
            for (String value : line.split(",")) {
                if (!value.isBlank()) {
                    proto = value.trim();
                }
            }
        }
        List<Hop> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String value : line.split(",")) {
                hops.add(new Hop(withoutPort(unquote(value.trim())), proto));
            }
        }
        return hops;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code [2001:db8::1]:4711} → {@code 2001:db8::1}; {@code 192.0.2.1:80} → {@code 192.0.2.1}. */
    private static String withoutPort(String value) {
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end > 0 ? value.substring(1, end) : value;
        }
        int colon = value.indexOf(':');
        if (colon > 0 && colon == value.lastIndexOf(':')) {
            return value.substring(0, colon);
        }
        return value;
    }

    /** The canonical text of an IP literal, or empty when the value is not one (never a DNS look-up). */
    static Optional<String> normalise(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String literal = value.trim();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (!IP_LITERAL.matcher(literal).matches() || (literal.indexOf(':') < 0 && !isIpv4(literal))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean isIpv4(String literal) {
        String[] parts = literal.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
