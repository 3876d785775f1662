package vn.congso.services.internal.citizen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.TranslationService;
import vn.congso.api.data.Database;
import vn.congso.api.notify.NotificationService;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.api.security.RateLimiter;
import vn.congso.api.security.SelfRegistration;
import vn.congso.services.internal.Jdbc;
import vn.congso.services.internal.ServicesRoles;

/**
 * A citizen's self-registration in two steps. {@link #start} checks the application (here the ID
 * number and the phone; the platform the name, e-mail, unit, password and what is taken) and sends
 * a 6-digit one-time code to the e-mail address through the platform's notification service;
 * {@link #confirm} takes the code and creates the account with the citizen role, the username
 * being the phone number (what citizens know by heart and what the one-stop desk asks for).
 *
 * <p>The pending application lives in memory only, for {@value #VALIDITY_MINUTES} minutes: the
 * password never reaches a database until it is the account's Argon2 hash, and the code is kept
 * as a salted SHA-256, {@value #MAX_TRIES} tries. Sending a code (first or again) takes from the
 * client address's allowance in the platform's rate limiter (bucket {@value #CODE_BUCKET}), and a
 * code is re-sent at most once a minute.
 */
@Component(service = CitizenRegistration.class)
public final class CitizenRegistration {

    /** The rate limiter's bucket for sending codes. */
    public static final String CODE_BUCKET = "services:register-code";
    /** The registration screen's route. */
    public static final String ROUTE = "services/register";
    /** Minutes a code is valid. */
    public static final int VALIDITY_MINUTES = 10;
    /** Wrong codes before the application is dropped. */
    public static final int MAX_TRIES = 5;
    /** Seconds between two codes for one application. */
    public static final int RESEND_SECONDS = 60;
    /** Pending applications kept at most (memory bound against floods). */
    static final int MAX_PENDING = 10_000;

    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{12}");
    private static final Pattern PHONE = Pattern.compile("0[0-9]{9}");
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");

    /**
     * What the person typed.
     *
     * @param fullName name
     * @param phone phone number, becomes the username
     * @param email where the code goes
     * @param idNumber the 12-digit citizen identity card number (CCCD)
     * @param unitId the commune or town of residence
     * @param password the password
     * @param repeat the password again
     */
    public record Application(String fullName, String phone, String email, String idNumber, String unitId,
            char[] password, char[] repeat) {
    }

    /**
     * A code was sent.
     *
     * @param token the pending application's handle, kept by the screen
     * @param held whether the message is held in the outbox (no mail server): the code did not
     *        leave; the person is told to ask the desk, never shown the code
     * @param expiresAt when the code stops working
     */
    public record Started(String token, boolean held, Instant expiresAt) {
    }

    private static final class Pending {
        final Application application;
        final String username;
        final Locale locale;
        byte[] salt;
        byte[] codeHash;
        Instant expiresAt;
        Instant sentAt;
        int tries;

        Pending(Application application, String username, Locale locale) {
            this.application = application;
            this.username = username;
            this.locale = locale;
        }
    }

    private final Logger log = LoggerFactory.getLogger(CitizenRegistration.class);
    private final SelfRegistration accounts;
    private final RateLimiter limiter;
    private final DataSource dataSource;
    private final TranslationService translations;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile NotificationService notifications;

    /**
     * Opens the citizen role to self-registration, with a link on the sign-in page.
     *
     * @param roles the declared roles (the citizen role exists once they are)
     * @param accounts the platform's self-registration
     * @param limiter the rate limiter
     * @param database the platform database
     * @param translations texts of the e-mail
     */
    @Activate
    public CitizenRegistration(@Reference ServicesRoles roles, @Reference SelfRegistration accounts,
            @Reference RateLimiter limiter, @Reference Database database, @Reference TranslationService translations) {
        this(accounts, limiter, database.dataSource(), translations, Clock.systemUTC());
        accounts.openRole(ServicesRoles.CITIZEN, ROUTE, "services.register.link");
    }

    CitizenRegistration(SelfRegistration accounts, RateLimiter limiter, DataSource dataSource,
            TranslationService translations, Clock clock) {
        this.accounts = accounts;
        this.limiter = limiter;
        this.dataSource = dataSource;
        this.translations = translations;
        this.clock = clock;
    }

    /** @param service the platform's notifications, when installed */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setNotifications(NotificationService service) {
        this.notifications = service;
    }

    /** @param service the notifications going away */
    void unsetNotifications(NotificationService service) {
        if (this.notifications == service) {
            this.notifications = null;
        }
    }

    /**
     * Checks the application and sends a code.
     *
     * @param application what the person typed
     * @param locale the page's language, for the e-mail
     * @return the pending application
     * @throws RegistrationException naming each field at fault, or {@code form} when no code can
     *         be sent now (too many requests, no notification service)
     */
    public Started start(Application application, Locale locale) {
        String phone = normalisePhone(application.phone());
        Application a = new Application(strip(application.fullName()), phone, strip(application.email()),
                strip(application.idNumber()), strip(application.unitId()), copy(application.password()),
                copy(application.repeat()));
        List<RegistrationException.Problem> problems = new ArrayList<>();
        if (!PHONE.matcher(phone).matches()) {
            problems.add(RegistrationException.Problem.of("phone", "services.register.phone.invalid"));
        }
        if (!ID_NUMBER.matcher(a.idNumber()).matches()) {
            problems.add(RegistrationException.Problem.of("idNumber", "services.register.id.invalid"));
        } else if (idNumberTaken(a.idNumber())) {
            problems.add(RegistrationException.Problem.of("idNumber", "services.register.id.taken"));
        }
        if (!Arrays.equals(a.password(), a.repeat())) {
            problems.add(RegistrationException.Problem.of("repeat", "services.register.repeat.mismatch"));
        }
        for (SelfRegistration.Problem p : accounts.check(ServicesRoles.CITIZEN, applicant(a), a.password())) {
            // The username is the phone number: a taken or malformed username is the phone's problem.
            String field = p.field().equals("username") ? "phone" : p.field();
            if (problems.stream().noneMatch(q -> q.field().equals(field))) {
                problems.add(RegistrationException.Problem.of(field, p.key()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RegistrationException(problems);
        }
        purgeExpired();
        if (pending.size() >= MAX_PENDING) {
            throw RegistrationException.of("form", "services.register.too-many");
        }
        Pending p = new Pending(a, phone, locale);
        String token = token();
        boolean held = send(p);
        pending.put(token, p);
        return new Started(token, held, p.expiresAt);
    }

    /**
     * Sends a new code for a pending application; the old one stops working, the tries go on counting.
     *
     * @param token the handle from {@link #start}
     * @return the pending application
     * @throws RegistrationException when it expired ({@code code}), or too early or too often ({@code form})
     */
    public Started resend(String token) {
        Pending p = live(token);
        synchronized (p) {
            if (p.sentAt.plusSeconds(RESEND_SECONDS).isAfter(clock.instant())) {
                throw RegistrationException.of("form", "services.register.resend.wait", RESEND_SECONDS);
            }
            boolean held = send(p);
            return new Started(token, held, p.expiresAt);
        }
    }

    /**
     * Checks the code and creates the account.
     *
     * @param token the handle from {@link #start}
     * @param code the 6 digits the person read
     * @return the new account's username (the phone number)
     * @throws RegistrationException for a wrong code (with the tries left), an expired or dropped
     *         application, or a value taken in the meantime (on its field)
     */
    public String confirm(String token, String code) {
        Pending p = live(token);
        synchronized (p) {
            if (!pending.containsKey(token)) {
                throw RegistrationException.of("code", "services.register.code.expired");
            }
            String typed = code == null ? "" : code.strip();
            if (!CODE.matcher(typed).matches() || !MessageDigest.isEqual(p.codeHash, hash(p.salt, typed))) {
                p.tries++;
                if (p.tries >= MAX_TRIES) {
                    drop(token, p);
                    throw RegistrationException.of("code", "services.register.code.too-many-tries");
                }
                throw RegistrationException.of("code", "services.register.code.wrong", MAX_TRIES - p.tries);
            }
            Application a = p.application;
            String username;
            try {
                username = Jdbc.transaction(dataSource, c -> {
                    // The ID number is claimed first (unique index), then the account is created;
                    // a refusal of the account rolls the claim back.
                    if (Jdbc.list(c, "SELECT 1 FROM svc_citizen WHERE id_number = ?", rs -> 1, a.idNumber())
                            .size() > 0) {
                        throw RegistrationException.of("idNumber", "services.register.id.taken");
                    }
                    Jdbc.update(c, "INSERT INTO svc_citizen (username, id_number, registered_at) VALUES (?, ?, ?)",
                            p.username, a.idNumber(), Timestamp.from(clock.instant()));
                    return accounts.register(ServicesRoles.CITIZEN, applicant(a), a.password());
                });
            } catch (SelfRegistration.RefusedException e) {
                drop(token, p);
                List<RegistrationException.Problem> problems = new ArrayList<>();
                for (SelfRegistration.Problem problem : e.problems()) {
                    String field = problem.field().equals("username") ? "phone" : problem.field();
                    problems.add(RegistrationException.Problem.of(field, problem.key()));
                }
                throw new RegistrationException(problems);
            } catch (RegistrationException e) {
                drop(token, p);
                throw e;
            }
            drop(token, p);
            log.info("Citizen account {} registered", username);
            return username;
        }
    }

    private Pending live(String token) {
        Pending p = token == null ? null : pending.get(token);
        if (p == null || !p.expiresAt.isAfter(clock.instant())) {
            if (p != null) {
                drop(token, p);
            }
            throw RegistrationException.of("code", "services.register.code.expired");
        }
        return p;
    }

    private void drop(String token, Pending p) {
        pending.remove(token, p);
        Arrays.fill(p.application.password(), '\0');
        Arrays.fill(p.application.repeat(), '\0');
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        pending.entrySet().removeIf(e -> {
            boolean expired = !e.getValue().expiresAt.isAfter(now);
            if (expired) {
                Arrays.fill(e.getValue().application.password(), '\0');
            }
            return expired;
        });
    }

    /** Sends a fresh code; {@code true} when the message is held in the outbox. */
    private boolean send(Pending p) {
        NotificationService service = notifications;
        if (service == null) {
            throw RegistrationException.of("form", "services.register.unavailable");
        }
        if (!limiter.tryAcquire(CODE_BUCKET, limiter.clientAddress())) {
            throw RegistrationException.of("form", "services.register.too-many");
        }
        String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String subject = translations.translate("services.register.mail.subject", p.locale);
        String text = translations.translate("services.register.mail.body", p.locale, p.application.fullName(), code,
                VALIDITY_MINUTES);
        long id = service.send(OutgoingMessage.of(p.application.email(), subject, text, "services.otp"));
        p.salt = salt;
        p.codeHash = hash(salt, code);
        p.sentAt = clock.instant();
        p.expiresAt = p.sentAt.plus(Duration.ofMinutes(VALIDITY_MINUTES));
        return service.state(id).filter(s -> s == NotificationService.DeliveryState.HELD).isPresent();
    }

    private boolean idNumberTaken(String idNumber) {
        return Jdbc.transaction(dataSource, c -> !Jdbc.list(c, "SELECT 1 FROM svc_citizen WHERE id_number = ?",
                rs -> 1, idNumber).isEmpty());
    }

    private static SelfRegistration.Applicant applicant(Application a) {
        return new SelfRegistration.Applicant(a.phone(), a.fullName(), a.email(), a.phone(), a.unitId());
    }

    /** Digits only; {@code +84} or {@code 84} before nine digits becomes a leading {@code 0}. */
    static String normalisePhone(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[\\s.()-]", "");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        }
        return digits;
    }

    private String token() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(byte[] salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static char[] copy(char[] value) {
        return value == null ? new char[0] : value.clone();
    }

    /** For tests: how many applications are pending. */
    int pendingCount() {
        return pending.size();
    }

    Optional<Instant> expiry(String token) {
        return Optional.ofNullable(pending.get(token)).map(p -> p.expiresAt);
    }
}
