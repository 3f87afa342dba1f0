package io.callaudit.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.callaudit.model.ReadResult;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML response, Exotel's default ({@code <TwilioResponse><Call>...</Call></TwilioResponse>}, a bulk
 * response's {@code <Calls>} holding several), one {@code <Call>} element at a time with StAX: only the call
 * being read is held, never the document. Each call becomes the same tree its JSON form gives (an empty
 * element is null, a list element such as {@code <Legs>} an array), so one mapper reads both.
 *
 * <p>DTDs and external entities are refused: a call log has no use for them, and they are how XML input
 * reads files it should not. A malformation ends the read with exit 3 naming the line and offset: unlike JSON
 * ({@link JsonElements}), XML gives no element boundary to resume at that does not depend on the broken part.
 */
final class XmlReader extends StreamingReader {

    /** The element each record is. */
    static final String RECORD = "Call";

    private final XMLStreamReader xml;
    private long line;
    private boolean ended;

    XmlReader(InputSource source, InputFormat format, ZoneId zone) {
        super(source, format, zone);
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            // Decoded here, strictly: given bytes, the JDK's parser prints "[Fatal Error]" to standard error on
            // invalid UTF-8 before it throws, a second line no caller can silence. A BOM is already gone.
            this.xml = factory.createXMLStreamReader(
                    new InputStreamReader(source.stream(), StandardCharsets.UTF_8.newDecoder()));
        } catch (XMLStreamException e) {
            // One line, like every other unreadable input: the parser's message spans two.
            long at = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
            throw new InputException(source.name(), at, "not XML: " + firstLine(e), e);
        }
    }

    @Override
    ReadResult readNext() {
        if (ended) {
            return null;
        }
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && RECORD.equals(xml.getLocalName())) {
                    line = xml.getLocation().getLineNumber();
                    return map(element(), line);
                }
            }
        } catch (XMLStreamException e) {
            // StAX cannot resynchronise after a malformation, so what follows is lost: said with exit 3 like a
            // truncated JSON document, never a rejection in a run that exits 0 or 1 as if nothing was missing.
            ended = true;
            long at = e.getLocation() == null || e.getLocation().getLineNumber() < 1
                    ? line
                    : e.getLocation().getLineNumber();
            String offset = e.getLocation() == null || e.getLocation().getCharacterOffset() < 0
                    ? ""
                    : " at character " + e.getLocation().getCharacterOffset();
            throw new InputException(
                    name(),
                    at,
                    "malformed XML" + offset + ", the rest of the document was not " + "read: " + firstLine(e),
                    e);
        }
        ended = true;
        return null;
    }

    /** The element the reader is at, read to its end: text, null when empty, or an object or array of children. */
    private JsonNode element() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        List<String> names = new ArrayList<>();
        List<JsonNode> children = new ArrayList<>();
        String name = xml.getLocalName();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                names.add(xml.getLocalName());
                children.add(element());
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (children.isEmpty()) {
            String value = text.toString().trim();
            return value.isEmpty() ? NullNode.getInstance() : TextNode.valueOf(value);
        }
        if (isList(name, names)) {
            ArrayNode array = JsonRecordStream.MAPPER.createArrayNode();
            children.forEach(array::add);
            return array;
        }
        ObjectNode object = JsonRecordStream.MAPPER.createObjectNode();
        for (int i = 0; i < names.size(); i++) {
            object.set(names.get(i), children.get(i));
        }
        return object;
    }

    /** {@code <Legs><Leg/><Leg/></Legs>}: children all of one name, which is the parent's singular or repeats. */
    private static boolean isList(String parent, List<String> names) {
        String first = names.get(0);
        for (String n : names) {
            if (!n.equals(first)) {
                return false;
            }
        }
        return names.size() > 1 || parent.equals(first + "s");
    }

    private static String firstLine(XMLStreamException e) {
        if (e.getNestedException() instanceof CharacterCodingException) {
            return "not UTF-8";
        }
        String m = String.valueOf(e.getMessage());
        int nl = m.lastIndexOf("Message: ");
        return (nl >= 0 ? m.substring(nl + 9) : m).strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    long line() {
        return line;
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // The source is closed next either way.
        }
        super.close();
    }
}
