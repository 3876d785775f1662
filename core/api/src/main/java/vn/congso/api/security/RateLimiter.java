package vn.congso.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Per-client rate limits for public look-ups (certificate verification, dossier look-up) and
 * anything else a stranger can call without signing in. Each bucket has its own allowance
 * (so many requests per so many seconds), configured by the operator in PID
 * {@code vn.congso.security.ratelimit}; a bucket not configured gets the default allowance.
 * The counts are kept in the platform database, so a restart does not reset them.
 */
@ProviderType
public interface RateLimiter {

    /**
     * Takes one request from a key's allowance in a bucket.
     *
     * @param bucket what is limited, prefixed with the plugin's name and a colon (for example
     *        {@code notices:lookup})
     * @param key who is limited, normally {@link #clientAddress()}
     * @return {@code true} when the request may go ahead; {@code false} when the key has used
     *         its allowance for now (show a translated "try again later", not an error)
     */
    boolean tryAcquire(String bucket, String key);

    /**
     * The address of the client of the current request: the direct peer, or behind a trusted
     * reverse proxy the client it names ({@code trustedProxies} in PID {@code vn.congso.ui}).
     *
     * @return the address, or an empty string outside a request
     */
    String clientAddress();
}
