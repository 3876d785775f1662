package vn.congso.publishing.internal.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.CurrentUser;
import vn.congso.api.TranslationService;
import vn.congso.api.notify.NotificationService;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.api.security.RunAs;
import vn.congso.api.security.UserDirectory;
import vn.congso.api.security.UserDirectory.Person;
import vn.congso.api.web.PublicLinks;

/** The author hears of a review date once, by e-mail, with nobody signed in. */
class ReviewRemindersTest {

    private static final String BASE = "https://trande.soctrang.gov.vn";

    private Fixture f;
    private final List<OutgoingMessage> sent = new ArrayList<>();
    private final List<Person> people = new ArrayList<>();
    private ReviewReminders reminders;

    @BeforeEach
    void setUp(@TempDir Path folder) throws Exception {
        f = new Fixture(folder);
        people.add(new Person(f.userId, "Nguyễn Thị Lan", "lan@trande.example", "tran-de", true, Set.of("editor")));
        people.add(new Person("xuatban.minh", "Trần Văn Minh", "minh@trande.example", "tran-de", true,
                Set.of(PublishingRoles.PUBLISHER)));
        people.add(new Person("xuatban.cu", "Lê Văn Cũ", "cu@trande.example", "tran-de", false,
                Set.of(PublishingRoles.PUBLISHER)));
        reminders = new ReviewReminders(f.service, runAs(), directory(), translations(), links(), false);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        reminders.stop();
    }

    @Test
    void theAuthorIsRemindedOnceWhenTheReviewDateComesWithALinkFromOutside() {
        reminders.setNotifications(outbox());
        Article a = published("Hướng dẫn đăng ký khai sinh trực tuyến", Duration.ofDays(30));

        assertEquals(0, reminders.run(), "the review date has not come");
        f.clock.advance(Duration.ofDays(30));
        assertEquals(1, reminders.run());
        assertEquals(1, sent.size());
        OutgoingMessage message = sent.get(0);
        assertEquals("lan@trande.example", message.to());
        assertTrue(message.subject().contains("Hướng dẫn đăng ký khai sinh trực tuyến"), message.subject());
        assertTrue(message.text().contains(BASE + "/publishing/edit/" + a.id()), message.text());
        assertTrue(message.text().contains("04/01/2027"), "the review date, in Vietnamese: " + message.text());
        assertTrue(f.audited.stream().anyMatch(e -> e.startsWith("publishing.review.remind " + a.id() + " SUCCESS")),
                f.audited.toString());

        assertEquals(0, reminders.run(), "a review date is reminded of once");
        f.clock.advance(Duration.ofDays(3));
        assertEquals(0, reminders.run());
        assertEquals(1, sent.size());
    }

    @Test
    void aReviewDateMovedLaterIsRemindedOfAgainWhenItComes() {
        reminders.setNotifications(outbox());
        Article a = published("Lịch tiếp công dân", Duration.ofDays(1));
        f.clock.advance(Duration.ofDays(1));
        assertEquals(1, reminders.run());

        // Revised as the workflow allows: taken down, reopened, edited with the next review date, published again.
        f.service.transition(a.id(), Transition.ARCHIVE);
        f.service.transition(a.id(), Transition.REOPEN);
        Article current = f.service.get(a.id());
        ArticleDraft d = ArticleDraft.of(current);
        f.service.save(a.id(), current.version(), new ArticleDraft(d.title(), d.summary(), d.body(), d.categoryId(),
                d.tags(), d.language(), d.procedures(), d.pinned(), d.featured(), d.publishAt(), d.unpublishAt(),
                f.clock.instant().plus(Duration.ofDays(90))));
        f.service.transition(a.id(), Transition.SUBMIT);
        f.service.transition(a.id(), Transition.APPROVE);
        f.service.transition(a.id(), Transition.PUBLISH);
        assertEquals(0, reminders.run());
        f.clock.advance(Duration.ofDays(90));
        assertEquals(1, reminders.run());
        assertEquals(2, sent.size());
    }

    @Test
    void withoutAnAuthorAddressTheActivePublishersAreReminded() {
        reminders.setNotifications(outbox());
        people.set(0, new Person(f.userId, "Nguyễn Thị Lan", "", "tran-de", true, Set.of("editor")));
        published("Thông báo nghỉ Tết", Duration.ofDays(2));
        f.clock.advance(Duration.ofDays(2));
        assertEquals(1, reminders.run());
        assertEquals(List.of("minh@trande.example"), sent.stream().map(OutgoingMessage::to).toList(),
                "the disabled publisher gets nothing");
    }

    @Test
    void withoutTheNotificationServiceTheReminderWaitsAndIsNotLost() {
        published("Tuyên truyền thanh toán không dùng tiền mặt", Duration.ofDays(2));
        f.clock.advance(Duration.ofDays(5));
        assertEquals(0, reminders.run());
        reminders.setNotifications(outbox());
        assertEquals(1, reminders.run(), "sent once the platform can send");
        assertEquals(1, sent.size());
    }

    @Test
    void anArticleTakenDownBeforeItsReviewDateIsNotReminded() {
        reminders.setNotifications(outbox());
        Article a = published("Bài đã gỡ", Duration.ofDays(2));
        f.service.transition(a.id(), Transition.ARCHIVE);
        f.clock.advance(Duration.ofDays(2));
        assertEquals(0, reminders.run());
        assertTrue(sent.isEmpty());
    }

    private Article published(String title, Duration reviewIn) {
        ArticleDraft d = Fixture.draft(title);
        Article a = f.service.create(new ArticleDraft(d.title(), d.summary(), d.body(), d.categoryId(), d.tags(), "vi",
                List.of(), false, false, null, null, f.clock.instant().plus(reviewIn)));
        f.service.transition(a.id(), Transition.SUBMIT);
        f.service.transition(a.id(), Transition.APPROVE);
        assertEquals(ArticleState.PUBLISHED, f.service.transition(a.id(), Transition.PUBLISH).state());
        return a;
    }

    private NotificationService outbox() {
        return new NotificationService() {
            @Override
            public long send(OutgoingMessage message) {
                sent.add(message);
                return sent.size();
            }

            @Override
            public Optional<DeliveryState> state(long id) {
                return Optional.of(DeliveryState.HELD);
            }
        };
    }

    private RunAs runAs() {
        return new RunAs() {
            @Override
            public Optional<CurrentUser> authenticate(String username, char[] password, String address) {
                return Optional.empty();
            }

            @Override
            public CurrentUser system(String name) {
                return null;
            }

            @Override
            public <T> T call(CurrentUser user, Callable<T> work) throws Exception {
                Set<String> before = f.permissions;
                f.permissions = Set.of("*");
                try {
                    return work.call();
                } finally {
                    f.permissions = before;
                }
            }
        };
    }

    private UserDirectory directory() {
        return new UserDirectory() {
            @Override
            public List<Unit> units() {
                return List.of();
            }

            @Override
            public Optional<Person> person(String username) {
                return people.stream().filter(p -> p.username().equals(username)).findFirst();
            }

            @Override
            public List<Person> people() {
                return List.copyOf(people);
            }

            @Override
            public List<Person> peopleOf(String unitId) {
                return people();
            }
        };
    }

    private static TranslationService translations() {
        return new TranslationService() {
            @Override
            public String translate(String key, Locale locale, Object... params) {
                return key + " " + Arrays.toString(params);
            }

            @Override
            public List<Locale> supportedLocales() {
                return List.of(VIETNAMESE);
            }
        };
    }

    private static PublicLinks links() {
        return new PublicLinks() {
            @Override
            public String base() {
                return BASE;
            }

            @Override
            public String absolute(String path) {
                return BASE + path;
            }
        };
    }
}
