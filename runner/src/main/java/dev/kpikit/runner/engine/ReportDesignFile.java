package dev.kpikit.runner.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Checks that a file is a report design before BIRT opens it: well-formed XML whose root element is {@code <report>}.
 * BIRT's own refusal of another file (a text file, a PDF, a pom.xml) quotes its XML parser's exception, class name
 * and error code included; this one names the file, the line and column, and what was expected.
 */
public final class ReportDesignFile {

    private static final String ROOT = "report";
    private static final String EXPECTED = " is not a report design (a .rptdesign file is XML with the root element <" + ROOT + ">)";
    /** A class name in a parser's message, which a user cannot act on. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b\\w+(Exception|Error)\\b|\\b[a-z]+\\.[a-z]+\\.[a-z]+\\.");

    private ReportDesignFile() {
    }

    /**
     * Reads the whole file as XML (a design is small); {@code shownAs} is the design as messages name it.
     *
     * @throws ReportFailedException when it is not XML, its root is another element, or its XML breaks off
     */
    public static void require(Path design, String shownAs) throws ReportFailedException {
        // the JDK's own parser: its messages are known, and neither DTDs nor external entities are read
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        boolean inRoot = false;
        try (InputStream in = Files.newInputStream(design)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamReader.START_ELEMENT && !inRoot) {
                        if (!ROOT.equals(reader.getLocalName())) {
                            throw new ReportFailedException(shownAs + EXPECTED + ": its root element is <" + reader.getLocalName()
                                    + ">", null);
                        }
                        inRoot = true;
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            String where = where(e.getLocation());
            throw new ReportFailedException(inRoot
                    ? shownAs + where + ": the report design is not well-formed XML" + reason(e)
                    : shownAs + EXPECTED + ":" + where.replaceFirst("^,", "") + (where.isEmpty() ? " it" : "") + " is not XML"
                    + reason(e), e);
        } catch (IOException e) {
            throw new ReportFailedException(shownAs + ": cannot be read: " + e.getMessage(), e);
        }
        if (!inRoot) {
            throw new ReportFailedException(shownAs + EXPECTED + ": it holds no XML element", null);
        }
    }

    private static String where(Location location) {
        return location == null || location.getLineNumber() < 0 ? ""
                : ", line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    /** The parser's reason without its "ParseError at [row,col]" prefix, or nothing when it names classes. */
    private static String reason(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int at = message.indexOf("Message: ");
        String reason = (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip().replaceFirst("\\.$", "");
        return reason.isEmpty() || CLASS_NAME.matcher(reason).find() || reason.contains("\n") ? "" : " (" + reason + ")";
    }
}
