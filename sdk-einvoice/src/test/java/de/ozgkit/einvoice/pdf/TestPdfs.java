package de.ozgkit.einvoice.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Generates PDFs for tests with PDFBox: a one-page visual invoice with an embedded font. */
public final class TestPdfs {

    private TestPdfs() {
    }

    /** @return a one-page A4 PDF with a line of text in an embedded TrueType font */
    public static byte[] visualInvoice(String text) {
        try (PDDocument doc = newDocument(text)) {
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the same PDF, encrypted; {@code userPassword} empty means it opens without a password */
    public static byte[] encrypted(String userPassword) {
        try (PDDocument doc = newDocument("encrypted")) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a PDF with one embedded file of this name and content, compressed with Flate when asked */
    public static byte[] withAttachment(String name, InputStream content, boolean flate) {
        try (PDDocument doc = newDocument("with attachment")) {
            PDComplexFileSpecification fs = new PDComplexFileSpecification();
            fs.setFile(name);
            fs.setFileUnicode(name);
            PDEmbeddedFile ef = new PDEmbeddedFile(doc, content, flate ? COSName.FLATE_DECODE : null);
            ef.setSubtype("text/xml");
            fs.setEmbeddedFile(ef);
            fs.setEmbeddedFileUnicode(ef);
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of(name, fs));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a PDF whose embedded-files name tree has a kid that points back at the root */
    public static byte[] cyclicNameTree() {
        try (PDDocument doc = newDocument("cyclic")) {
            PDEmbeddedFilesNameTreeNode root = new PDEmbeddedFilesNameTreeNode();
            root.getCOSObject().setDirect(false);
            COSArray kids = new COSArray();
            kids.add(root.getCOSObject());
            root.getCOSObject().setItem(COSName.KIDS, kids);
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(root);
            doc.getDocumentCatalog().setNames(names);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the bytes as a stream */
    public static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static PDDocument newDocument(String text) throws IOException {
        PDDocument doc = new PDDocument();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        PDType0Font font;
        try (InputStream ttf = PDDocument.class.getResourceAsStream(
                "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            if (ttf == null) {
                throw new IllegalStateException("PDFBox's bundled LiberationSans font is missing");
            }
            font = PDType0Font.load(doc, ttf);
        }
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.beginText();
            cs.setFont(font, 12);
            cs.newLineAtOffset(72, 770);
            cs.showText(text);
            cs.endText();
        }
        return doc;
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
