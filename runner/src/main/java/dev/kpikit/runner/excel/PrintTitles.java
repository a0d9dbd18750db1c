package dev.kpikit.runner.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Print titles (rows repeated at the top of every printed page) for an XLSX the report emitter wrote: the rows
 * frozen on screen are the rows repeated on paper. The spudsoft XLSX emitter of BIRT 4.22 freezes panes but has
 * no option for print titles, so kpikit adds an {@code _xlnm.Print_Titles} defined name per sheet with a frozen
 * pane ({@code 'Sheet name'!$1:$N}, N the pane's ySplit).
 *
 * <p>The workbook is never loaded: a streamed sheet of 200,000 rows would cost what streaming saved. The zip is
 * copied entry by entry without recompressing; each worksheet is read only up to its {@code <sheetViews>}; only
 * {@code xl/workbook.xml} (a few kilobytes: sheet names and defined names) is parsed and rewritten.
 */
public final class PrintTitles {

    static final String WORKBOOK = "xl/workbook.xml";
    private static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    static final String PRINT_TITLES = "_xlnm.Print_Titles";

    private PrintTitles() {
    }

    /**
     * Copies the workbook {@code from} to {@code to} with print titles on every sheet that has frozen rows (a sheet
     * that already has print titles keeps its own). Returns the sheet names and their number of title rows.
     */
    public static Map<String, Integer> copyWithPrintTitles(Path from, Path to) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(from).get()) {
            Document workbook = parse(zip, WORKBOOK);
            Map<String, String> targets = relationshipTargets(parse(zip, WORKBOOK_RELS));
            Map<String, Integer> titles = new LinkedHashMap<>();
            List<Element> sheets = elements(workbook.getDocumentElement(), "sheets").stream()
                    .flatMap(parent -> elements(parent, "sheet").stream()).toList();
            for (Element sheet : sheets) {
                String part = targets.get(sheet.getAttributeNS(RELATIONSHIPS, "id"));
                int rows = part == null || zip.getEntry(part) == null ? 0 : frozenRows(zip, part);
                if (rows > 0) {
                    titles.put(sheet.getAttribute("name"), rows);
                }
            }
            Map<String, Integer> added = addDefinedNames(workbook, sheets, titles);
            byte[] rewritten = serialize(workbook);
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(to))) {
                for (ZipArchiveEntry entry : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
                    if (entry.getName().equals(WORKBOOK)) {
                        ZipArchiveEntry copy = new ZipArchiveEntry(WORKBOOK);
                        copy.setTime(entry.getTime());
                        out.putArchiveEntry(copy);
                        out.write(rewritten);
                        out.closeArchiveEntry();
                    } else {
                        out.addRawArchiveEntry(entry, zip.getRawInputStream(entry));
                    }
                }
            }
            return added;
        }
    }

    /** The rows above a frozen pane (its ySplit), 0 when the sheet has no frozen pane; reads no further than its views. */
    static int frozenRows(ZipFile zip, String part) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(part))) {
            XMLStreamReader xml = xmlInput().createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("pane")) {
                        String state = xml.getAttributeValue(null, "state");
                        String ySplit = xml.getAttributeValue(null, "ySplit");
                        boolean frozen = "frozen".equals(state) || "frozenSplit".equals(state);
                        return frozen && ySplit != null ? (int) Double.parseDouble(ySplit) : 0;
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("sheetData")
                            || event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("sheetViews")) {
                        return 0;
                    }
                }
                return 0;
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | NumberFormatException e) {
            throw new IOException(part + ": " + e.getMessage(), e);
        }
    }

    /** The reference Excel expects: {@code 'Sheet name'!$1:$N}, the name always quoted, a quote in it doubled. */
    static String reference(String sheetName, int rows) {
        return "'" + sheetName.replace("'", "''") + "'!$1:$" + rows;
    }

    private static Map<String, Integer> addDefinedNames(Document workbook, List<Element> sheets, Map<String, Integer> titles) {
        Map<String, Integer> added = new LinkedHashMap<>();
        if (titles.isEmpty()) {
            return added;
        }
        Element root = workbook.getDocumentElement();
        Element definedNames = elements(root, "definedNames").stream().findFirst().orElseGet(() -> {
            // schema order: ... sheets, functionGroups, externalReferences, definedNames, calcPr ...
            Element created = workbook.createElementNS(MAIN, qualified(root, "definedNames"));
            Node after = lastOf(root, "sheets", "functionGroups", "externalReferences");
            root.insertBefore(created, after.getNextSibling());
            return created;
        });
        List<String> existing = new ArrayList<>();
        for (Element name : elements(definedNames, "definedName")) {
            if (name.getAttribute("name").equals(PRINT_TITLES)) {
                existing.add(name.getAttribute("localSheetId"));
            }
        }
        for (int index = 0; index < sheets.size(); index++) {
            String sheetName = sheets.get(index).getAttribute("name");
            Integer rows = titles.get(sheetName);
            if (rows != null && !existing.contains(String.valueOf(index))) {
                Element name = workbook.createElementNS(MAIN, qualified(root, "definedName"));
                name.setAttribute("name", PRINT_TITLES);
                name.setAttribute("localSheetId", String.valueOf(index));
                name.setTextContent(reference(sheetName, rows));
                definedNames.appendChild(name);
                added.put(sheetName, rows);
            }
        }
        return added;
    }

    private static Node lastOf(Element root, String... localNames) {
        Node last = null;
        for (String localName : localNames) {
            List<Element> found = elements(root, localName);
            if (!found.isEmpty()) {
                last = found.get(found.size() - 1);
            }
        }
        if (last == null) {
            throw new IllegalStateException(WORKBOOK + " has no <sheets>");
        }
        return last;
    }

    private static String qualified(Element root, String localName) {
        return root.getPrefix() == null ? localName : root.getPrefix() + ":" + localName;
    }

    private static List<Element> elements(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    /** Relationship id to zip entry name, for the workbook's relationships (targets relative to xl/ or absolute). */
    private static Map<String, String> relationshipTargets(Document rels) {
        Map<String, String> targets = new HashMap<>();
        var list = rels.getElementsByTagNameNS(PACKAGE_RELATIONSHIPS, "Relationship");
        for (int i = 0; i < list.getLength(); i++) {
            Element relationship = (Element) list.item(i);
            String target = relationship.getAttribute("Target");
            targets.put(relationship.getAttribute("Id"), target.startsWith("/") ? target.substring(1) : "xl/" + target);
        }
        return targets;
    }

    private static Document parse(ZipFile zip, String part) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(part);
        if (entry == null) {
            throw new IOException("not an XLSX written by POI: no " + part);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(part + ": " + e.getMessage(), e);
        }
    }

    private static byte[] serialize(Document document) throws IOException {
        try {
            document.setXmlStandalone(true);
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult((OutputStream) bytes));
            return bytes.toByteArray();
        } catch (TransformerException e) {
            throw new IOException(WORKBOOK + ": " + e.getMessage(), e);
        }
    }

    private static XMLInputFactory xmlInput() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
