package vn.congso.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.congso.api.notify.OutgoingMessage;
import vn.congso.api.notify.OutgoingMessage.Attachment;

/** What {@code send} refuses, with a message that says why, and that a refused message is not stored. */
class MessageRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "khong-co-a-cong", "a@", "@tran-de.example", "a b@tran-de.example",
            "a@tran de.example", "Ông Ất <ong.at@tran-de.example>", "ong.at@tran-de.example, b@tran-de.example",
            "ong.at@tran-de.example\r\nBcc: all@tran-de.example", "a..b@tran-de.example", ".a@tran-de.example",
            "a.@tran-de.example", "a@-tran-de.example", "a@[127.0.0.1]", "nguyễn@tran-de.example"})
    void refusesWhatIsNotOnePlainAddress(String address) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> MessageRules.check(OutgoingMessage.of(address, "Tiêu đề", "Nội dung", "services.otp")));
        assertTrue(refused.getMessage().startsWith("Not a valid e-mail address"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ong.at@tran-de.example", "can-bo+otp@soctrang.gov.vn", "admin@localhost",
            "Nguyen.Van.At@Tran-De.Example"})
    void acceptsPlainAddresses(String address) {
        MessageRules.check(OutgoingMessage.of(address, "Tiêu đề", "Nội dung", "services.otp"));
    }

    @Test
    void refusesSubjectsAndTextsOverTheirLimitsCountingCharactersNotBytes() {
        String subject250 = "ệ".repeat(250);
        MessageRules.check(OutgoingMessage.of("a@tran-de.example", subject250, "x", "s"));
        assertEquals("The subject has 251 characters; at most 250 are allowed", refusal(
                OutgoingMessage.of("a@tran-de.example", subject250 + "ệ", "x", "s")));
        assertEquals("The subject must be one line without control characters", refusal(
                OutgoingMessage.of("a@tran-de.example", "Thư\r\nBcc: all@tran-de.example", "x", "s")));
        assertEquals("The subject is empty", refusal(OutgoingMessage.of("a@tran-de.example", " ", "x", "s")));
        String text = "ư".repeat(200_000);
        MessageRules.check(OutgoingMessage.of("a@tran-de.example", "s", text, "s"));
        assertEquals("The text has 200001 characters; at most 200000 are allowed", refusal(
                OutgoingMessage.of("a@tran-de.example", "s", text + "x", "s")));
    }

    @Test
    void refusesAttachmentsOverTenMegabytesInTotalAndBadNamesOrTypes() {
        byte[] half = new byte[5 * 1024 * 1024];
        MessageRules.check(message(new Attachment("a.pdf", "application/pdf", half),
                new Attachment("b.pdf", "application/pdf", half)));
        assertEquals("The attachments are larger than 10 MB (10485760 bytes) in total", refusal(message(
                new Attachment("a.pdf", "application/pdf", half), new Attachment("b.pdf", "application/pdf", half),
                new Attachment("c.txt", "text/plain", new byte[1]))));
        assertEquals("Not a valid attachment file name: '../../etc/passwd'",
                refusal(message(new Attachment("../../etc/passwd", "text/plain", new byte[1]))));
        assertEquals("Not a valid attachment file name: ''", refusal(message(new Attachment("", "text/plain", new byte[1]))));
        assertTrue(refusal(message(new Attachment("a.ics", "lịch", new byte[1]))).startsWith("Not a valid media type"));
        assertTrue(refusal(message(new Attachment("a.ics", "text/calendar\r\nX-Evil: 1", new byte[1])))
                .startsWith("Not a valid media type"));
    }

    @Test
    void aRefusedMessageIsNotStored() throws Exception {
        OutboxFixture fixture = new OutboxFixture();
        Notifications service = fixture.service(OutboxFixture.smtp("", 25, 1));
        assertThrows(IllegalArgumentException.class,
                () -> service.send(OutgoingMessage.of("khong-hop-le", "Tiêu đề", "Nội dung", "services.otp")));
        assertEquals(List.of(), service.list(Optional.empty(), 10));
    }

    private static OutgoingMessage message(Attachment... attachments) {
        return new OutgoingMessage("a@tran-de.example", "Tiêu đề", "Nội dung", List.of(attachments), "conference.invitation");
    }

    private static String refusal(OutgoingMessage message) {
        return assertThrows(IllegalArgumentException.class, () -> MessageRules.check(message)).getMessage();
    }
}
