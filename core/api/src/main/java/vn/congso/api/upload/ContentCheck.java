package vn.congso.api.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a received file's content must be, checked on the content itself: the file name only
 * has to agree with it, and what the browser says is never asked.
 */
@ConsumerType
@FunctionalInterface
public interface ContentCheck {

    /**
     * Checks the content.
     *
     * @param fileName the name the sender gave the file
     * @param content the content from its first byte; not closed
     * @return the media type found, such as {@code text/plain}
     * @throws UploadRefusedException when the content is not acceptable
     * @throws IOException when reading fails
     */
    String check(String fileName, InputStream content) throws IOException;

    /**
     * UTF-8 text (a byte order mark is allowed): no byte sequence that is not UTF-8, and no
     * control character but tab, line feed, carriage return and form feed, so a binary file
     * renamed {@code .gift} or {@code .csv} is refused with the line of its first bad byte.
     *
     * @return the check; it reports {@code text/plain}
     */
    static ContentCheck utf8Text() {
        return (fileName, content) -> {
            Utf8Text.check(content);
            return "text/plain";
        };
    }

    /**
     * Well-formed XML whose root element has the given name, read without a document type
     * declaration (refused) and without external entities, so nothing outside the file is
     * ever loaded.
     *
     * @param rootElement the local name the root element must have
     * @return the check; it reports {@code application/xml}
     */
    static ContentCheck xml(String rootElement) {
        return (fileName, content) -> {
            XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
            XMLStreamReader reader = null;
            try {
                reader = factory.createXMLStreamReader(content);
                boolean rootSeen = false;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw notXml(reader.getLocation(), rootElement, "a document type declaration");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && !rootSeen) {
                        rootSeen = true;
                        if (!rootElement.equals(reader.getLocalName())) {
                            throw notXml(reader.getLocation(), rootElement, "root <" + reader.getLocalName() + ">");
                        }
                    }
                }
                if (!rootSeen) {
                    throw notXml(reader.getLocation(), rootElement, "no root element");
                }
            } catch (XMLStreamException e) {
                throw notXml(e.getLocation(), rootElement, e.getMessage());
            } finally {
                if (reader != null) {
                    try {
                        reader.close();
                    } catch (XMLStreamException e) {
                        throw new IOException("cannot close the XML reader", e);
                    }
                }
            }
            return "application/xml";
        };
    }

    /**
     * A binary file of one of the allowed types, recognised by its magic bytes, whose name has
     * an extension of that same type (a PNG named {@code .pdf} is refused, and so is a PDF named
     * {@code .exe}).
     *
     * @param allowed the types allowed
     * @return the check; it reports the type's media type
     */
    static ContentCheck oneOf(FileType... allowed) {
        List<FileType> types = List.of(allowed);
        return (fileName, content) -> {
            byte[] head = content.readNBytes(FileType.HEAD_BYTES);
            Optional<FileType> found = FileType.sniff(head);
            if (found.isEmpty() || !types.contains(found.get()) || !found.get().matchesName(fileName)) {
                String extensions = String.join(", ", types.stream().flatMap(t -> t.extensions().stream())
                        .map(e -> "." + e).toList());
                throw new UploadRefusedException(UploadRefusedException.Reason.WRONG_TYPE,
                        fileName + " is " + found.map(Enum::name).orElse("unknown") + ", allowed "
                                + Arrays.toString(allowed), fileName, extensions);
            }
            return found.get().mediaType();
        };
    }

    private static UploadRefusedException notXml(Location location, String root, String detail) {
        int line = location == null ? 0 : Math.max(0, location.getLineNumber());
        return new UploadRefusedException(UploadRefusedException.Reason.NOT_XML, detail, line, root);
    }
}
