package vn.congso.publishing.internal.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congso.api.CurrentUser;
import vn.congso.api.security.AccessDeniedException;
import vn.congso.api.security.RunAs;

class ArticleServiceTest {

    private Fixture f;
    private ArticleService service;

    @BeforeEach
    void setUp(@TempDir Path folder) throws Exception {
        f = new Fixture(folder);
        service = f.service;
    }

    @Test
    void theDemoCategoriesExist() {
        assertEquals(List.of("tin-tuc", "chi-dao-dieu-hanh", "pho-bien-giao-duc-phap-luat", "tuyen-truyen"),
                service.categories().stream().map(Category::id).toList());
        assertEquals("Phổ biến giáo dục pháp luật", service.category("pho-bien-giao-duc-phap-luat").orElseThrow().nameVi());
    }

    @Test
    void aDraftGetsAFoldedUniqueSlugAndEverySaveKeepsARevision() {
        Article a = service.create(Fixture.draft("Đăng ký khai sinh trực tuyến"));
        Article b = service.create(Fixture.draft("Đăng ký khai sinh trực tuyến"));
        assertEquals("dang-ky-khai-sinh-truc-tuyen", a.slug());
        assertEquals("dang-ky-khai-sinh-truc-tuyen-2", b.slug());

        Article saved = service.save(a.id(), a.version(), Fixture.draft("Đăng ký khai sinh qua Cổng dịch vụ công"));
        assertEquals("dang-ky-khai-sinh-truc-tuyen", saved.slug(), "the URL stays stable");
        assertEquals(List.of(2, 1), service.revisions(a.id()).stream().map(Revision::number).toList());

        Article restored = service.restore(a.id(), 1, saved.version());
        assertEquals("Đăng ký khai sinh trực tuyến", restored.title());
        assertEquals(3, service.revisions(a.id()).size(), "restoring adds a revision, nothing is lost");
        assertTrue(f.audited.stream().anyMatch(e -> e.startsWith("publishing.article.restore " + a.id() + " SUCCESS")));
    }

    @Test
    void theSecondOfTwoEditorsSavingTheSameVersionIsToldAndNothingIsOverwritten() {
        Article a = service.create(Fixture.draft("Bài gốc"));
        service.save(a.id(), a.version(), Fixture.draft("Sửa của người thứ nhất"));

        ArticleException conflict = assertThrows(ArticleException.class,
                () -> service.save(a.id(), a.version(), Fixture.draft("Sửa của người thứ hai")));

        assertEquals("publishing.error.conflict", conflict.key());
        assertEquals("Sửa của người thứ nhất", service.get(a.id()).title());
    }

    @Test
    void theWholeWorkflowWithAPermissionPerStep() {
        Article a = service.create(Fixture.draft("Thanh toán không dùng tiền mặt"));

        f.permissions = Set.of(PublishingPermissions.EDIT);
        assertThrows(AccessDeniedException.class, () -> service.transition(a.id(), Transition.SUBMIT));
        f.permissions = Set.of(PublishingPermissions.EDIT, PublishingPermissions.SUBMIT);
        assertEquals(ArticleState.IN_REVIEW, service.transition(a.id(), Transition.SUBMIT).state());
        assertThrows(AccessDeniedException.class, () -> service.transition(a.id(), Transition.APPROVE));
        ArticleException locked = assertThrows(ArticleException.class,
                () -> service.save(a.id(), service.get(a.id()).version(), Fixture.draft("Lén sửa khi đang duyệt")));
        assertEquals("publishing.error.not-editable", locked.key());

        f.permissions = Set.of(PublishingPermissions.REVIEW);
        service.comment(a.id(), "Bổ sung số điện thoại hỗ trợ.");
        assertEquals(ArticleState.DRAFT, service.transition(a.id(), Transition.RETURN).state());
        f.permissions = Set.of(PublishingPermissions.EDIT, PublishingPermissions.SUBMIT);
        service.transition(a.id(), Transition.SUBMIT);
        f.permissions = Set.of(PublishingPermissions.REVIEW);
        assertEquals(ArticleState.APPROVED, service.transition(a.id(), Transition.APPROVE).state());
        assertThrows(AccessDeniedException.class, () -> service.transition(a.id(), Transition.PUBLISH));
        assertTrue(service.published(a.slug()).isEmpty(), "not public before it is published");

        f.permissions = Set.of(PublishingPermissions.PUBLISH);
        Article published = service.transition(a.id(), Transition.PUBLISH);
        assertEquals(ArticleState.PUBLISHED, published.state());
        assertEquals(f.clock.instant(), published.publishAt());
        assertEquals(Optional.of(a.id()), service.published(a.slug()).map(Article::id));
        ArticleException twice = assertThrows(ArticleException.class, () -> service.transition(a.id(), Transition.PUBLISH));
        assertEquals("publishing.error.transition", twice.key());

        assertEquals(ArticleState.ARCHIVED, service.transition(a.id(), Transition.ARCHIVE).state());
        assertTrue(service.published(a.slug()).isEmpty());
        assertEquals(1, service.comments(a.id()).size());
        assertTrue(f.audited.stream().anyMatch(e -> e.startsWith("publishing.article.approve " + a.id() + " DENIED")
                || e.startsWith("publishing.article.publish " + a.id() + " DENIED")));
    }

    @Test
    void workflowTableOfAllowedSteps() {
        assertTrue(Workflow.allowed(Transition.SUBMIT, ArticleState.DRAFT));
        assertFalse(Workflow.allowed(Transition.PUBLISH, ArticleState.DRAFT));
        assertFalse(Workflow.allowed(Transition.PUBLISH, ArticleState.IN_REVIEW));
        assertFalse(Workflow.allowed(Transition.APPROVE, ArticleState.DRAFT));
        assertTrue(Workflow.allowed(Transition.ARCHIVE, ArticleState.PUBLISHED));
        assertTrue(Workflow.allowed(Transition.REOPEN, ArticleState.ARCHIVED));
        Instant now = Instant.parse("2026-12-05T03:00:00Z");
        assertEquals(ArticleState.SCHEDULED, Workflow.target(Transition.PUBLISH, now.plusSeconds(60), now));
        assertEquals(ArticleState.PUBLISHED, Workflow.target(Transition.PUBLISH, now.minusSeconds(60), now));
        assertEquals(List.of(Transition.SUBMIT), Workflow.available(ArticleState.DRAFT,
                p -> p.equals(PublishingPermissions.SUBMIT)));
    }

    @Test
    void theSchedulerPublishesAndUnpublishesAtTheirTimesWithNobodySignedIn() throws Exception {
        Instant publishAt = f.clock.instant().plus(Duration.ofHours(2));
        Instant unpublishAt = f.clock.instant().plus(Duration.ofHours(5));
        ArticleDraft d = Fixture.draft("Lịch tiếp công dân tháng 12");
        Article a = service.create(new ArticleDraft(d.title(), d.summary(), d.body(), d.categoryId(), d.tags(), "vi",
                List.of(), false, true, publishAt, unpublishAt, null));
        service.transition(a.id(), Transition.SUBMIT);
        service.transition(a.id(), Transition.APPROVE);
        assertEquals(ArticleState.SCHEDULED, service.transition(a.id(), Transition.PUBLISH).state());

        List<String> actors = new ArrayList<>();
        f.permissions = Set.of();
        RunAs runAs = new RunAs() {
            @Override
            public Optional<CurrentUser> authenticate(String username, char[] password, String address) {
                return Optional.empty();
            }

            @Override
            public CurrentUser system(String name) {
                return null;
            }

            @Override
            public <T> T call(CurrentUser user, java.util.concurrent.Callable<T> work) throws Exception {
                Set<String> before = f.permissions;
                f.permissions = Set.of("*");
                actors.add("system");
                try {
                    return work.call();
                } finally {
                    f.permissions = before;
                }
            }
        };
        PublishingScheduler scheduler = new PublishingScheduler(service, runAs, false);
        assertEquals(0, scheduler.run());
        assertTrue(service.published(a.slug()).isEmpty());

        f.clock.advance(Duration.ofHours(2));
        assertEquals(1, scheduler.run());
        assertTrue(service.published(a.slug()).isPresent());
        assertEquals(List.of(a.id()), service.featured().stream().map(Article::id).toList());

        f.clock.advance(Duration.ofHours(3));
        assertEquals(1, scheduler.run());
        assertTrue(service.published(a.slug()).isEmpty());
        assertEquals(3, actors.size());
        scheduler.stop();

        // Without the permission (a misconfigured actor) a run fails, is logged, and the next run goes on.
        RunAs powerless = new RunAs() {
            @Override
            public Optional<CurrentUser> authenticate(String username, char[] password, String address) {
                return Optional.empty();
            }

            @Override
            public CurrentUser system(String name) {
                return null;
            }

            @Override
            public <T> T call(CurrentUser user, java.util.concurrent.Callable<T> work) throws Exception {
                return work.call();
            }
        };
        PublishingScheduler refused = new PublishingScheduler(service, powerless, false);
        assertEquals(-1, refused.run());
        assertTrue(f.audited.stream().anyMatch(e -> e.startsWith("publishing.schedule.run  DENIED")), f.audited.toString());
        refused.stop();
    }

    @Test
    void badDatesAreRefused() {
        ArticleDraft d = Fixture.draft("Bài có ngày sai");
        ArticleException past = assertThrows(ArticleException.class, () -> service.create(new ArticleDraft(d.title(),
                d.summary(), d.body(), d.categoryId(), d.tags(), "vi", List.of(), false, false,
                f.clock.instant().minus(Duration.ofDays(1)), null, null)));
        assertEquals("publishing.error.publish-past", past.key());
        ArticleException order = assertThrows(ArticleException.class, () -> service.create(new ArticleDraft(d.title(),
                d.summary(), d.body(), d.categoryId(), d.tags(), "vi", List.of(), false, false,
                f.clock.instant().plus(Duration.ofDays(2)), f.clock.instant().plus(Duration.ofDays(1)), null)));
        assertEquals("publishing.error.unpublish-before-publish", order.key());
        ArticleException code = assertThrows(ArticleException.class, () -> service.create(new ArticleDraft(d.title(),
                d.summary(), d.body(), d.categoryId(), d.tags(), "vi", List.of("../../admin"), false, false,
                null, null, null)));
        assertEquals("publishing.error.procedure", code.key());
        assertEquals(List.of(), service.find(null, null, "", 10));
    }

    @Test
    void categoriesAreEditedWithTheirPermissionAndAUsedOneIsKept() {
        Category c = service.saveCategory(null, "Chuyển đổi số", "Digital transformation", 5);
        assertEquals("chuyen-doi-so", c.id());
        service.create(Fixture.draft("Bài"));
        ArticleException used = assertThrows(ArticleException.class,
                () -> service.deleteCategory("pho-bien-giao-duc-phap-luat"));
        assertEquals("publishing.error.category-used", used.key());
        service.deleteCategory("chuyen-doi-so");
        f.permissions = Set.of(PublishingPermissions.EDIT);
        assertThrows(AccessDeniedException.class, () -> service.saveCategory(null, "Khác", "", 6));
        assertEquals(4, service.categories().size());
    }

    @Test
    void pagesOfTheNewestAndTheEditorialSearchAreReadByTheDatabaseAPageAtATime() {
        List<Long> ids = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            Article a = service.create(Fixture.draft("Bài số " + n + " về đất đai"));
            service.transition(a.id(), Transition.SUBMIT);
            service.transition(a.id(), Transition.APPROVE);
            service.transition(a.id(), Transition.PUBLISH);
            ids.add(a.id());
            f.clock.advance(Duration.ofMinutes(5));
        }
        // Newest first, the third and fourth newest on the second page of two.
        assertEquals(List.of(ids.get(2), ids.get(1)), service.publishedPage(null, 2, 2).stream().map(Article::id).toList());
        assertEquals(List.of(ids.get(0)), service.publishedPage("pho-bien-giao-duc-phap-luat", 4, 10).stream()
                .map(Article::id).toList());
        assertTrue(service.publishedPage(null, 10, 5).isEmpty());
        assertEquals(ids, service.publishedIds());
        assertEquals(List.of(ids.get(1), ids.get(3)), service.articles(List.of(ids.get(3), ids.get(1), -1L)).stream()
                .map(Article::id).toList());
        // The editorial search folds the marks and stops at its limit.
        assertEquals(List.of(ids.get(4), ids.get(3)), service.find(null, null, "dat dai", 2).stream().map(Article::id).toList());
        assertEquals(1, service.find(null, null, "", 1).size());
    }
}
