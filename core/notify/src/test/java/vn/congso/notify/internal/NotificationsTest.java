package vn.congso.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.congso.api.notify.NotificationService.DeliveryState;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.api.security.AccessDeniedException;

/**
 * The outbox and its delivery against a real SMTP server in the same process (GreenMail on
 * 127.0.0.1): what a recipient receives, what happens when the server cannot be reached or none
 * is configured, and what administrators can do with held messages.
 */
class NotificationsTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    static final String SUBJECT = "Giấy mời họp giao ban tháng 12 — Ủy ban nhân dân huyện Trần Đề";
    static final String TEXT = "Kính gửi ông Nguyễn Văn Ất,\n\nMời ông dự họp giao ban lúc 8 giờ ngày 10/12/2026"
            + " tại hội trường Ủy ban.\nTrân trọng.";
    static final String ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//CongSo//IT//VI\r\nMETHOD:REQUEST\r\n"
            + "BEGIN:VEVENT\r\nUID:giao-ban-12@congso\r\nDTSTART:20261210T010000Z\r\nDTEND:20261210T030000Z\r\n"
            + "SUMMARY:Họp giao ban tháng 12\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    private OutboxFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new OutboxFixture();
    }

    private MailSettings greenMail(int retries) {
        return OutboxFixture.smtp("127.0.0.1", MAIL.getSmtp().getPort(), retries);
    }

    @Test
    void anInvitationArrivesWithItsCalendarFileAndVietnameseText() throws Exception {
        Notifications service = fixture.service(greenMail(3));
        byte[] ics = ICS.getBytes(StandardCharsets.UTF_8);
        long id = service.send(new OutgoingMessage("ong.at@tran-de.example", SUBJECT, TEXT,
                List.of(new OutgoingMessage.Attachment("họp-giao-ban.ics", "text/calendar; method=REQUEST; charset=UTF-8",
                        ics)), "conference.invitation"));
        assertEquals(Optional.of(DeliveryState.QUEUED), service.state(id), "stored, not sent on the caller's thread");
        assertEquals(0, MAIL.getReceivedMessages().length);

        assertEquals(1, service.deliverNow());
        assertTrue(MAIL.waitForIncomingEmail(5_000, 1));
        MimeMessage received = MAIL.getReceivedMessages()[0];
        assertEquals(SUBJECT, received.getSubject());
        assertEquals("ong.at@tran-de.example", received.getAllRecipients()[0].toString());
        assertTrue(received.getFrom()[0].toString().contains("congso@tran-de.example"));
        assertTrue(received.getContentType().startsWith("multipart/mixed"), received.getContentType());
        Multipart parts = (Multipart) received.getContent();
        assertEquals(2, parts.getCount());
        Part text = parts.getBodyPart(0);
        assertTrue(text.isMimeType("text/plain"), text.getContentType());
        assertTrue(text.getContentType().toUpperCase().contains("UTF-8"), text.getContentType());
        assertEquals(TEXT, String.valueOf(text.getContent()).replace("\r\n", "\n"));
        Part calendar = parts.getBodyPart(1);
        assertTrue(calendar.isMimeType("text/calendar"), calendar.getContentType());
        assertTrue(calendar.getContentType().contains("method=REQUEST"), calendar.getContentType());
        assertEquals(Part.ATTACHMENT, calendar.getDisposition());
        assertEquals("họp-giao-ban.ics", calendar.getFileName());
        assertEquals(ICS, new String(bytes(calendar.getInputStream()), StandardCharsets.UTF_8));

        assertEquals(Optional.of(DeliveryState.SENT), service.state(id));
        OutboxEntry entry = service.list(Optional.of(DeliveryState.SENT), 10).get(0);
        assertEquals(1, entry.attempts());
        assertTrue(entry.sentAt().isPresent());
        assertEquals(Optional.empty(), entry.lastError());
        assertEquals(0, service.deliverNow(), "a sent message is not sent twice");
    }

    @Test
    void theBackgroundThreadDeliversWithoutBlockingTheCaller() throws Exception {
        Notifications service = new Notifications(new Outbox(fixture.dataSource), fixture.users(), fixture.audit(),
                greenMail(3), java.time.Clock.systemUTC(), new SmtpMailer(), true);
        try {
            long id = service.send(OutgoingMessage.of("can.bo@tran-de.example", "Mã xác thực: 482913",
                    "Mã xác thực của bạn là 482913.", "services.otp"));
            assertTrue(MAIL.waitForIncomingEmail(10_000, 1), "delivered by the worker");
            await(() -> service.state(id).orElseThrow() == DeliveryState.SENT);
            assertEquals("Mã xác thực: 482913", MAIL.getReceivedMessages()[0].getSubject());
            assertEquals("Mã xác thực của bạn là 482913.",
                    String.valueOf(MAIL.getReceivedMessages()[0].getContent()).strip());
        } finally {
            service.deactivate();
        }
    }

    @Test
    void aSilentServerDoesNotHoldUpTheCaller() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Notifications service = new Notifications(new Outbox(fixture.dataSource), fixture.users(),
                    fixture.audit(), new MailSettings("127.0.0.1", silent.getLocalPort(), MailSettings.Security.NONE,
                            "", "", "congso@tran-de.example", "", 1, Duration.ofSeconds(10), Duration.ofSeconds(1)),
                    java.time.Clock.systemUTC(), new SmtpMailer(), true);
            try {
                // The worker is connected and waits for a greeting that never comes; sending goes on.
                for (int i = 0; i < 3; i++) {
                    long id = service.send(OutgoingMessage.of("a" + i + "@tran-de.example", "Thư " + i, "Nội dung",
                            "services.otp"));
                    assertEquals(Optional.of(DeliveryState.QUEUED), service.state(id));
                }
            } finally {
                service.deactivate();
            }
        }
    }

    @Test
    void anUnreachableServerIsRetriedWithBackOffThenTheMessageIsHeld() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Notifications service = fixture.service(OutboxFixture.smtp("127.0.0.1", closedPort, 2));
        long id = service.send(OutgoingMessage.of("nguoi.dan@tran-de.example", "Hồ sơ đã tiếp nhận", "Nội dung",
                "services.receipt"));

        assertEquals(1, service.deliverNow());
        OutboxEntry first = only(service);
        assertEquals(DeliveryState.QUEUED, first.state());
        assertEquals(1, first.attempts());
        assertTrue(first.lastError().orElseThrow().contains("127.0.0.1"), first.lastError().toString());

        assertEquals(0, service.deliverNow(), "not before the back-off (10 s)");
        fixture.clock.advance(Duration.ofSeconds(10));
        assertEquals(1, service.deliverNow());
        assertEquals(2, only(service).attempts());
        fixture.clock.advance(Duration.ofSeconds(10));
        assertEquals(0, service.deliverNow(), "the second retry waits twice as long (20 s)");
        fixture.clock.advance(Duration.ofSeconds(10));
        assertEquals(1, service.deliverNow());

        OutboxEntry held = only(service);
        assertEquals(DeliveryState.HELD, held.state(), "held after the first attempt and 2 retries");
        assertEquals(3, held.attempts());
        assertEquals(Optional.of(DeliveryState.HELD), service.state(id));
        fixture.clock.advance(Duration.ofDays(1));
        assertEquals(0, service.deliverNow(), "a held message waits for an administrator");
        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    @Test
    void withoutAServerEveryMessageIsKeptInTheOutbox() throws Exception {
        Notifications service = fixture.service(OutboxFixture.smtp("", 25, 5));
        long id = service.send(OutgoingMessage.of("nguoi.dan@tran-de.example", "Mã xác thực", "123456", "services.otp"));
        assertEquals(Optional.of(DeliveryState.HELD), service.state(id));
        assertEquals(Optional.of(DeliveryWorker.NO_SERVER), only(service).lastError());
        assertEquals(0, service.deliverNow());
        assertEquals(0, MAIL.getReceivedMessages().length);
        assertFalse(service.status().smtpConfigured());
        assertEquals(1L, service.status().counts().get(DeliveryState.HELD));
        // Resending is refused while there is still no server, and says so.
        OutboxRefusal refused = assertThrows(OutboxRefusal.class, () -> service.resend(id));
        assertEquals("notify.refused.no-smtp-host", refused.key());
        assertEquals(DeliveryState.HELD, only(service).state());
    }

    @Test
    void messagesQueuedBeforeARestartAreDeliveredAfterIt() throws Exception {
        Notifications before = fixture.service(greenMail(3));
        long id = before.send(OutgoingMessage.of("ba.tu@tran-de.example", "Kết quả hồ sơ", "Hồ sơ của bà đã có kết quả.",
                "services.result"));
        // The process stops before the worker ran; a new service on the same database takes over.
        Notifications after = fixture.service(greenMail(3));
        assertEquals(Optional.of(DeliveryState.QUEUED), after.state(id));
        assertEquals(1, after.deliverNow());
        assertTrue(MAIL.waitForIncomingEmail(5_000, 1));
        assertEquals("Kết quả hồ sơ", MAIL.getReceivedMessages()[0].getSubject());
        assertEquals(Optional.of(DeliveryState.SENT), after.state(id));
    }

    @Test
    void anAdministratorResendsAHeldMessageAndDeletesAnother() throws Exception {
        Notifications withoutServer = fixture.service(OutboxFixture.smtp("", 25, 5));
        long held = withoutServer.send(new OutgoingMessage("ong.at@tran-de.example", "Giấy mời", "Mời ông dự họp.",
                List.of(new OutgoingMessage.Attachment("giay-moi.ics", "text/calendar; method=REQUEST",
                        ICS.getBytes(StandardCharsets.UTF_8))), "conference.invitation"));
        long other = withoutServer.send(OutgoingMessage.of("x@tran-de.example", "Khác", "Khác", "services.otp"));

        // The server is configured now (the same database, new settings).
        Notifications service = fixture.service(greenMail(3));
        OutboxMessage opened = service.message(held).orElseThrow();
        assertEquals("Mời ông dự họp.", opened.text());
        assertEquals("giay-moi.ics", opened.attachments().get(0).fileName());

        service.resend(held);
        assertEquals(Optional.of(DeliveryState.QUEUED), service.state(held));
        assertTrue(fixture.audited.contains("notify.message.resend " + held + " SUCCESS notify.audit.resend ["
                + held + ", ong.at@tran-de.example, conference.invitation]"), fixture.audited.toString());
        assertEquals(1, service.deliverNow(), "only the resent message: the other stays held");
        assertTrue(MAIL.waitForIncomingEmail(5_000, 1));
        assertEquals("Giấy mời", MAIL.getReceivedMessages()[0].getSubject());
        assertEquals(Optional.of(DeliveryState.SENT), service.state(held));
        assertEquals(Optional.of(DeliveryState.HELD), service.state(other));

        service.delete(other);
        assertEquals(Optional.empty(), service.state(other));
        assertEquals(1, service.list(Optional.empty(), 10).size());
        assertTrue(fixture.audited.contains("notify.message.delete " + other + " SUCCESS notify.audit.delete [" + other
                + ", x@tran-de.example, services.otp, HELD]"), fixture.audited.toString());
    }

    @Test
    void onlyHeldMessagesAreResentAndDeletedOnesAreGone() throws Exception {
        Notifications service = fixture.service(greenMail(3));
        long id = service.send(OutgoingMessage.of("ong.at@tran-de.example", "Thư", "Nội dung", "services.otp"));
        OutboxRefusal notHeld = assertThrows(OutboxRefusal.class, () -> service.resend(id));
        assertEquals("notify.refused.not-held", notHeld.key());
        assertTrue(fixture.audited.contains("notify.message.resend " + id + " DENIED notify.refused.not-held [" + id
                + "]"), fixture.audited.toString());

        service.delete(id);
        assertEquals(Optional.empty(), service.state(id));
        assertEquals(Optional.empty(), service.message(id));
        assertEquals(0, service.deliverNow(), "a deleted message is not sent");
        assertTrue(fixture.audited.contains("notify.message.delete " + id + " SUCCESS notify.audit.delete [" + id
                + ", ong.at@tran-de.example, services.otp, QUEUED]"), fixture.audited.toString());
        OutboxRefusal gone = assertThrows(OutboxRefusal.class, () -> service.delete(id));
        assertEquals("notify.refused.no-such-message", gone.key());
        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    @Test
    void withoutThePermissionNothingIsShownOrChanged() throws Exception {
        Notifications service = fixture.service(OutboxFixture.smtp("", 25, 5));
        long id = service.send(OutgoingMessage.of("ong.at@tran-de.example", "Thư", "Nội dung", "services.otp"));
        fixture.permissions = Set.of("training:course:enrol");
        assertThrows(AccessDeniedException.class, () -> service.list(Optional.empty(), 10));
        assertThrows(AccessDeniedException.class, () -> service.message(id));
        assertThrows(AccessDeniedException.class, () -> service.resend(id));
        assertThrows(AccessDeniedException.class, () -> service.delete(id));
        assertThrows(AccessDeniedException.class, service::status);
        assertTrue(fixture.audited.contains("notify.message.delete  DENIED notify.audit.denied [platform:notify:manage]"),
                fixture.audited.toString());
        // Sending needs no permission: a citizen's registration sends a code before anyone signs in.
        assertEquals(Optional.of(DeliveryState.HELD), service.state(id));
        fixture.permissions = Set.of(OutboxService.PERMISSION);
        assertEquals(1, service.list(Optional.empty(), 10).size());
    }

    private static OutboxEntry only(Notifications service) {
        List<OutboxEntry> all = service.list(Optional.empty(), 10);
        assertEquals(1, all.size());
        return all.get(0);
    }

    private static byte[] bytes(InputStream in) throws IOException {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(50);
        }
    }
}
