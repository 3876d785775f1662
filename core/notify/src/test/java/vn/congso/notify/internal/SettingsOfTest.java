package vn.congso.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A configuration as ConfigAdmin hands it over: usable, or kept safe when it cannot be used. */
class SettingsOfTest {

    /** The configuration with the given values, defaults for the rest (as DS builds it). */
    static NotifyConfig config(Map<String, Object> values) {
        return (NotifyConfig) Proxy.newProxyInstance(NotifyConfig.class.getClassLoader(),
                new Class<?>[] {NotifyConfig.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    return method.getDefaultValue();
                });
    }

    @Test
    void theShippedDefaultsSendNothingAndAConfiguredServerIsUsed() {
        MailSettings defaults = Notifications.settingsOf(config(Map.of()));
        assertFalse(defaults.hasHost());
        assertEquals(MailSettings.Security.STARTTLS, defaults.security());
        assertEquals("Cổng Số", defaults.fromName());
        Map<String, Object> smtp = new HashMap<>(Map.of("smtpHost", " smtp.tran-de.example ", "smtpPort", 465,
                "security", "ssl", "retryCount", 2, "retryBackoffSeconds", 30));
        MailSettings configured = Notifications.settingsOf(config(smtp));
        assertEquals("smtp.tran-de.example", configured.host());
        assertEquals(MailSettings.Security.SSL, configured.security());
        assertEquals(2, configured.retryCount());
        assertEquals(java.time.Duration.ofSeconds(60), configured.backoffAfter(2));
    }

    @Test
    void anUnusableSecurityKeepsEveryMessageInTheOutboxInsteadOfStoppingTheService() {
        MailSettings typo = Notifications.settingsOf(config(Map.of("smtpHost", "smtp.tran-de.example", "security", "tls")));
        assertFalse(typo.hasHost(), "nothing is sent with a configuration that cannot be used");
        assertTrue(typo.toString().contains("host=,"));
    }
}
