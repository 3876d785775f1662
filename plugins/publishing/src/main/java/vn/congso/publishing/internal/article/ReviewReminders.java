package vn.congso.publishing.internal.article;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.congso.api.CurrentUser;
import vn.congso.api.TranslationService;
import vn.congso.api.notify.NotificationService;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.api.security.RunAs;
import vn.congso.api.security.UserDirectory;
import vn.congso.api.text.Formats;
import vn.congso.api.web.PublicLinks;
import vn.congso.publishing.internal.ui.PublishingScreens;

/**
 * E-mails the author of a published article when its review date comes, once per review date,
 * with nobody signed in: every {@value #MINUTES} minutes as the system actor {@value #ACTOR}. An
 * author without an e-mail address (or an account since removed) is replaced by the publishers
 * who have one. While the platform has no notification service the reminders wait (they show on
 * the editorial list in any case); with one, a message goes to the outbox, and from there by mail
 * when an SMTP server is configured.
 */
@Component(immediate = true)
public final class ReviewReminders {

    /** How the reminders appear in the audit log. */
    static final String ACTOR = "system:publishing-reviews";
    /** Interval between runs. */
    static final long MINUTES = 5;
    /** The source recorded with each message in the outbox. */
    static final String SOURCE = "publishing.review";

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Logger log = LoggerFactory.getLogger(ReviewReminders.class);
    private final ArticleService articles;
    private final RunAs runAs;
    private final UserDirectory people;
    private final TranslationService translations;
    private final PublicLinks links;
    private final CurrentUser actor;
    private final ScheduledExecutorService executor;
    private volatile NotificationService notifications;

    /**
     * Starts; the first run comes a minute after start, when the platform has settled.
     *
     * @param articles the articles
     * @param runAs to act as the system actor
     * @param people to find the authors' and publishers' addresses
     * @param translations the message's words
     * @param links the public base URL of the link in the message
     */
    @Activate
    public ReviewReminders(@Reference ArticleService articles, @Reference RunAs runAs,
            @Reference UserDirectory people, @Reference TranslationService translations,
            @Reference PublicLinks links) {
        this(articles, runAs, people, translations, links, true);
    }

    ReviewReminders(ArticleService articles, RunAs runAs, UserDirectory people, TranslationService translations,
            PublicLinks links, boolean start) {
        this.articles = articles;
        this.runAs = runAs;
        this.people = people;
        this.translations = translations;
        this.links = links;
        this.actor = runAs.system(ACTOR);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "publishing-review-reminders");
            t.setDaemon(true);
            return t;
        });
        if (start) {
            executor.scheduleWithFixedDelay(this::run, 1, MINUTES, TimeUnit.MINUTES);
        }
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
     * One run; never throws, or the executor would stop scheduling it.
     *
     * @return how many reminders were queued, -1 when the run failed
     */
    int run() {
        NotificationService service = notifications;
        if (service == null) {
            return 0;
        }
        try {
            return runAs.call(actor, () -> remind(service));
        } catch (Exception e) {
            log.warn("Review reminders failed; retrying at the next run", e);
            return -1;
        }
    }

    private int remind(NotificationService service) {
        int sent = 0;
        for (Article article : articles.reviewRemindersDue()) {
            Set<String> to = recipients(article);
            if (to.isEmpty()) {
                log.info("Article {} is due for review but neither its author nor any publisher has an e-mail address",
                        article.id());
                continue;
            }
            if (!articles.claimReviewReminder(article, String.join(", ", to))) {
                continue;
            }
            String subject = translations.translate("publishing.review-mail.subject", VIETNAMESE, article.title());
            String text = translations.translate("publishing.review-mail.text", VIETNAMESE, article.title(),
                    Formats.date(article.reviewAt().atZone(ZONE).toLocalDate(), VIETNAMESE),
                    links.absolute("/" + PublishingScreens.EDIT + "/" + article.id()));
            for (String address : to) {
                service.send(OutgoingMessage.of(address, subject, text, SOURCE));
                sent++;
            }
        }
        return sent;
    }

    private Set<String> recipients(Article article) {
        Set<String> to = new LinkedHashSet<>();
        people.person(article.author()).filter(p -> p.enabled() && hasAddress(p)).ifPresent(p -> to.add(p.email()));
        if (to.isEmpty()) {
            List<UserDirectory.Person> publishers = new ArrayList<>();
            for (UserDirectory.Person p : people.people()) {
                if (p.enabled() && hasAddress(p) && p.roles().contains(PublishingRoles.PUBLISHER)) {
                    publishers.add(p);
                }
            }
            publishers.forEach(p -> to.add(p.email()));
        }
        return to;
    }

    private static boolean hasAddress(UserDirectory.Person p) {
        return p.email() != null && !p.email().isBlank();
    }

    /** Stops. */
    @Deactivate
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
