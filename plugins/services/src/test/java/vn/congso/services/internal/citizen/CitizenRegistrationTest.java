package vn.congso.services.internal.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.TranslationService;
import vn.congso.api.notify.NotificationService;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.api.security.RateLimiter;
import vn.congso.api.security.SelfRegistration;
import vn.congso.services.internal.ServicesFixture;
import vn.congso.services.internal.ServicesRoles;

/**
 * A citizen registers with a one-time code: the code goes by e-mail (a fake notification service
 * captures it), is kept only as a hash, works once within 10 minutes and 5 tries, is re-sent at
 * most once a minute and within the rate limit; the account is created only after the code, with
 * the citizen role and the phone as username; a taken CCCD, phone or e-mail is refused on its field.
 */
class CitizenRegistrationTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @TempDir
    Path dir;

    private final List<OutgoingMessage> mails = new ArrayList<>();
    private final FakeAccounts accounts = new FakeAccounts();
    private final AtomicBoolean limited = new AtomicBoolean();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-03T02:00:00Z"));
    private NotificationService.DeliveryState deliveredAs = NotificationService.DeliveryState.QUEUED;
    private CitizenRegistration registration;

    @BeforeEach
    void setUp() throws Exception {
        ServicesFixture fixture = new ServicesFixture(dir);
        RateLimiter limiter = new RateLimiter() {
            @Override
            public boolean tryAcquire(String bucket, String key) {
                assertEquals(CitizenRegistration.CODE_BUCKET, bucket);
                return !limited.get();
            }

            @Override
            public String clientAddress() {
                return "203.0.113.9";
            }
        };
        TranslationService translations = new TranslationService() {
            @Override
            public String translate(String key, Locale locale, Object... params) {
                return key + (params.length == 0 ? "" : " " + java.util.Arrays.toString(params));
            }

            @Override
            public List<Locale> supportedLocales() {
                return List.of(VIETNAMESE, Locale.ENGLISH);
            }
        };
        registration = new CitizenRegistration(accounts, limiter, fixture.database.dataSource(), translations, clock);
        registration.setNotifications(new NotificationService() {
            @Override
            public long send(OutgoingMessage message) {
                mails.add(message);
                return mails.size();
            }

            @Override
            public Optional<DeliveryState> state(long id) {
                return Optional.of(deliveredAs);
            }
        });
    }

    @Test
    void theCodeFromTheEmailCreatesTheCitizensAccountWithThePhoneAsUsername() {
        CitizenRegistration.Started started = registration.start(lan("0912 345 678", "012345678901"), Locale.ENGLISH);

        assertEquals(1, mails.size());
        assertEquals("lan@example.vn", mails.get(0).to());
        assertEquals("services.otp", mails.get(0).source());
        assertFalse(started.held());
        assertEquals(clock.instant().plus(Duration.ofMinutes(10)), started.expiresAt());
        assertTrue(accounts.created.isEmpty(), "no account before the code");

        assertEquals("0912345678", registration.confirm(started.token(), code(0)));

        SelfRegistration.Applicant created = accounts.created.get("0912345678");
        assertEquals("0912345678", created.phone());
        assertEquals("Nguyễn Thị Lan", created.fullName());
        assertEquals(ServicesRoles.CITIZEN, accounts.roles.get("0912345678"));
        assertEquals("Cong-dan-2026x", accounts.passwords.get("0912345678"));
        assertEquals(0, registration.pendingCount(), "the code works once");
        assertThrows(RegistrationException.class, () -> registration.confirm(started.token(), code(0)));
    }

    @Test
    void wrongCodesCountDownAndTheFifthDropsTheApplication() {
        CitizenRegistration.Started started = registration.start(lan("0912345678", "012345678901"), Locale.ENGLISH);
        String right = code(0);
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 1; left--) {
            RegistrationException e = assertThrows(RegistrationException.class,
                    () -> registration.confirm(started.token(), wrong));
            assertEquals(new RegistrationException.Problem("code", "services.register.code.wrong", List.of(left)),
                    e.problems().get(0));
        }
        RegistrationException last = assertThrows(RegistrationException.class,
                () -> registration.confirm(started.token(), wrong));
        assertEquals("services.register.code.too-many-tries", last.problems().get(0).key());
        assertThrows(RegistrationException.class, () -> registration.confirm(started.token(), right),
                "after five wrong tries even the right code is refused");
        assertTrue(accounts.created.isEmpty());
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        CitizenRegistration.Started started = registration.start(lan("0912345678", "012345678901"), Locale.ENGLISH);
        clock.advance(Duration.ofMinutes(10));

        RegistrationException e = assertThrows(RegistrationException.class,
                () -> registration.confirm(started.token(), code(0)));

        assertEquals("services.register.code.expired", e.problems().get(0).key());
        assertTrue(accounts.created.isEmpty());
    }

    @Test
    void aResendWaitsAMinuteObeysTheRateLimitAndReplacesTheCode() {
        CitizenRegistration.Started started = registration.start(lan("0912345678", "012345678901"), Locale.ENGLISH);
        assertEquals("services.register.resend.wait", assertThrows(RegistrationException.class,
                () -> registration.resend(started.token())).problems().get(0).key());

        clock.advance(Duration.ofSeconds(61));
        limited.set(true);
        assertEquals("services.register.too-many", assertThrows(RegistrationException.class,
                () -> registration.resend(started.token())).problems().get(0).key());
        limited.set(false);
        registration.resend(started.token());

        assertEquals(2, mails.size());
        String first = code(0);
        String second = code(1);
        if (!first.equals(second)) {
            assertThrows(RegistrationException.class, () -> registration.confirm(started.token(), first),
                    "the old code stops working");
        }
        assertEquals("0912345678", registration.confirm(started.token(), second));
    }

    @Test
    void eachWrongFieldIsNamedAndNoCodeIsSent() {
        RegistrationException e = assertThrows(RegistrationException.class, () -> registration.start(
                new CitizenRegistration.Application("Nguyễn Thị Lan", "12345", "lan@example.vn", "0123",
                        "xa-tai-van", "Cong-dan-2026x".toCharArray(), "Cong-dan-2026y".toCharArray()),
                Locale.ENGLISH));

        assertEquals(Map.of("phone", "services.register.phone.invalid", "idNumber", "services.register.id.invalid",
                "repeat", "services.register.repeat.mismatch"), keys(e));
        assertTrue(mails.isEmpty());
    }

    @Test
    void aTakenIdNumberPhoneOrEmailIsRefusedOnItsFieldWithoutSayingWhose() {
        registration.confirm(registration.start(lan("0912345678", "012345678901"), Locale.ENGLISH).token(), code(0));
        accounts.takenEmails.add("lan@example.vn");

        RegistrationException e = assertThrows(RegistrationException.class,
                () -> registration.start(lan("0912345678", "012345678901"), Locale.ENGLISH));

        assertEquals(Map.of("idNumber", "services.register.id.taken", "phone", "security.register.username.taken",
                "email", "security.register.email.taken"), keys(e));
        assertTrue(e.problems().stream().allMatch(p -> p.args().isEmpty()), "no name, no account in the message");
        assertEquals(1, mails.size());
    }

    @Test
    void withoutAMailServerTheUserIsToldTheCodeIsHeldAndWithoutNotificationsNoCodeAtAll() {
        deliveredAs = NotificationService.DeliveryState.HELD;
        assertTrue(registration.start(lan("0912345678", "012345678901"), Locale.ENGLISH).held());

        registration.setNotifications(null);
        RegistrationException e = assertThrows(RegistrationException.class,
                () -> registration.start(lan("0987654321", "112345678901"), Locale.ENGLISH));
        assertEquals("services.register.unavailable", e.problems().get(0).key());
    }

    @Test
    void theRateLimitStopsFloodsOfCodes() {
        limited.set(true);
        RegistrationException e = assertThrows(RegistrationException.class,
                () -> registration.start(lan("0912345678", "012345678901"), Locale.ENGLISH));
        assertEquals("services.register.too-many", e.problems().get(0).key());
        assertTrue(mails.isEmpty());
        assertEquals(0, registration.pendingCount());
    }

    private static Map<String, String> keys(RegistrationException e) {
        Map<String, String> keys = new HashMap<>();
        e.byField().forEach((field, p) -> keys.put(field, p.key()));
        return keys;
    }

    private String code(int mail) {
        Matcher m = CODE.matcher(mails.get(mail).text());
        assertTrue(m.find(), mails.get(mail).text());
        return m.group(1);
    }

    private static CitizenRegistration.Application lan(String phone, String idNumber) {
        return new CitizenRegistration.Application("Nguyễn Thị Lan", phone, "lan@example.vn", idNumber, "xa-tai-van",
                "Cong-dan-2026x".toCharArray(), "Cong-dan-2026x".toCharArray());
    }

    /** The platform's self-registration, in memory: usernames and e-mails taken, what was created. */
    static final class FakeAccounts implements SelfRegistration {
        final Map<String, Applicant> created = new HashMap<>();
        final Map<String, String> roles = new HashMap<>();
        final Map<String, String> passwords = new HashMap<>();
        final java.util.Set<String> takenEmails = new java.util.HashSet<>();

        @Override
        public void openRole(String roleId, String route, String linkKey) {
        }

        @Override
        public List<Problem> check(String roleId, Applicant applicant, char[] password) {
            assertEquals(ServicesRoles.CITIZEN, roleId);
            List<Problem> problems = new ArrayList<>();
            if (created.containsKey(applicant.username())) {
                problems.add(new Problem("username", "security.register.username.taken"));
            }
            if (takenEmails.contains(applicant.email())) {
                problems.add(new Problem("email", "security.register.email.taken"));
            }
            return problems;
        }

        @Override
        public String register(String roleId, Applicant applicant, char[] password) {
            List<Problem> problems = check(roleId, applicant, password);
            if (!problems.isEmpty()) {
                throw new RefusedException(problems);
            }
            created.put(applicant.username(), applicant);
            roles.put(applicant.username(), roleId);
            passwords.put(applicant.username(), new String(password));
            return applicant.username();
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
