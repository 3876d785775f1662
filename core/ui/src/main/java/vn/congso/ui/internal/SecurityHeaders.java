package vn.congso.ui.internal;

import java.security.SecureRandom;
import java.util.Base64;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Puts the security headers on every response of the web server, whatever answers it (a
 * Vaadin page, UIDL, push, a static file, a theme or plugin stylesheet, an error page):
 * the handler sits in front of everything, and the headers are set before any servlet runs.
 *
 * <p>The Content-Security-Policy is as strict as Vaadin Flow 24's production bundle allows:
 * <ul>
 * <li>{@code script-src 'self' 'nonce-…' 'unsafe-eval'}: scripts only from this server, plus
 * the inline scripts of Vaadin's bootstrap page (the initial UI state and the
 * {@code window.Vaadin} setup), which {@link ScriptNonces} marks with this request's nonce;
 * any other inline script, injected or not, does not run. {@code 'unsafe-eval'} is there
 * because Flow's client runs every {@code executeJs}/{@code callJsFunction} the server sends
 * through {@code new Function(...)}; the code comes from the server, never from a page.</li>
 * <li>{@code style-src 'self' 'unsafe-inline'}: Vaadin's bootstrap page has inline
 * {@code <style>} blocks (loading indicator, error dialog, hidden elements) and its web
 * components add {@code <style>} and {@code style} attributes at run time; styles cannot run
 * script, so this is the one relaxation left without a nonce.</li>
 * <li>{@code img-src}/{@code font-src} also allow {@code data:} (Lumo's icons and the theme
 * use data URIs) and {@code img-src} allows {@code blob:} (previews of uploads).</li>
 * <li>{@code connect-src 'self'} covers UIDL, push (long polling) and uploads.</li>
 * <li>{@code frame-ancestors 'self'} (with {@code X-Frame-Options: SAMEORIGIN} for old
 * browsers), {@code object-src 'none'}, {@code base-uri 'self'}, {@code form-action 'self'}.</li>
 * </ul>
 */
final class SecurityHeaders extends Handler.Wrapper {

    /** Request attribute holding this request's CSP nonce (a String). */
    static final String NONCE_ATTRIBUTE = "vn.congso.ui.cspNonce";

    private final SecureRandom random = new SecureRandom();

    SecurityHeaders(Handler handler) {
        super(handler);
    }

    /**
     * The Content-Security-Policy of a response.
     *
     * @param nonce the request's nonce for Vaadin's inline bootstrap scripts
     * @return the header value
     */
    static String policy(String nonce) {
        return "default-src 'self'; "
                + "script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; "
                + "font-src 'self' data:; "
                + "connect-src 'self'; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'; "
                + "frame-ancestors 'self'";
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put("Content-Security-Policy", policy(nonce));
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("X-Frame-Options", "SAMEORIGIN");
        return super.handle(request, response, callback);
    }
}
