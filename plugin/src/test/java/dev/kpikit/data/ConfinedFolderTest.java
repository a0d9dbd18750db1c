package dev.kpikit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names from report parameters and schedules stay inside their folder: real files, real symbolic links. */
class ConfinedFolderTest {

    private static final String SECRET = "root:x:0:0:secret-first-line";

    @TempDir
    Path temp;
    Path data;
    Path outside;
    ConfinedFolder folder;

    @BeforeEach
    void folders() throws Exception {
        data = Files.createDirectories(temp.resolve("data"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("passwd"), SECRET);
        Files.writeString(data.resolve("model.json"), "{}");
        Files.createDirectories(data.resolve("models"));
        Files.writeString(data.resolve("models/other.json"), "{}");
        folder = ConfinedFolder.of(data, "the data folder");
    }

    private OutsideFolderException refused(String name) {
        return assertThrows(OutsideFolderException.class, () -> folder.resolve(name, "parameter 'modelFile'"));
    }

    @Test
    void aNameInsideIsTheFileInside() throws Exception {
        assertEquals(data.resolve("model.json"), folder.resolve("model.json", "parameter 'modelFile'"));
        assertEquals(data.resolve("models/other.json"), folder.resolve("models/../models/other.json", "parameter 'modelFile'"));
    }

    @Test
    void aFileThatDoesNotExistYetInsideIsAllowed() throws Exception {
        assertEquals(data.resolve("absent.json"), folder.resolve("absent.json", "parameter 'modelFile'"));
    }

    @Test
    void goingUpOutOfTheFolderIsRefusedNamingTheParameterAndTheFolder() {
        String message = refused("../outside/passwd").getMessage();
        assertEquals("parameter 'modelFile' must stay inside the data folder " + data + ": '../outside/passwd' leads out of it",
                message);
        assertFalse(message.contains("root:x"), message);
    }

    @Test
    void goingUpFarPastTheRootIsRefused() {
        assertTrue(refused("../../../../../../../../etc/passwd").getMessage().contains("leads out of it"));
    }

    @Test
    void aSiblingFolderWithTheSamePrefixIsOutside() throws Exception {
        Files.createDirectories(temp.resolve("data-old"));
        assertTrue(refused("../data-old/x.json").getMessage().contains("leads out of it"));
    }

    @Test
    void anAbsolutePathIsRefusedEvenWhenItPointsInside() {
        assertTrue(refused(outside.resolve("passwd").toString()).getMessage().endsWith("is an absolute path; give a path relative to it"));
        assertTrue(refused(data.resolve("model.json").toString()).getMessage().contains("is an absolute path"));
    }

    @Test
    void aSymbolicLinkToAFileOutsideIsRefused() throws Exception {
        Files.createSymbolicLink(data.resolve("model-link.json"), outside.resolve("passwd"));
        String message = refused("model-link.json").getMessage();
        assertTrue(message.endsWith("'model-link.json' leads out of it through a symbolic link"), message);
        assertFalse(message.contains("secret") || message.contains(outside.toString()), "neither content nor target: " + message);
    }

    @Test
    void aFileBelowASymbolicLinkToAFolderOutsideIsRefused() throws Exception {
        Files.createSymbolicLink(data.resolve("shared"), outside);
        assertTrue(refused("shared/passwd").getMessage().contains("through a symbolic link"));
        assertTrue(refused("shared/not-there-yet.json").getMessage().contains("through a symbolic link"));
    }

    @Test
    void aSymbolicLinkThatStaysInsideIsAllowed() throws Exception {
        Files.createSymbolicLink(data.resolve("current.json"), data.resolve("models/other.json"));
        assertEquals(data.resolve("current.json"), folder.resolve("current.json", "parameter 'modelFile'"));
    }

    @Test
    void aDataFolderThatIsItselfASymbolicLinkConfinesToItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("data-link"), data);
        ConfinedFolder linked = ConfinedFolder.of(link, "the data folder");
        assertEquals(link.resolve("model.json"), linked.resolve("model.json", "parameter 'modelFile'"));
        assertThrows(OutsideFolderException.class, () -> linked.resolve("../outside/passwd", "parameter 'modelFile'"));
    }

    @Test
    void requireAcceptsAPathInsideAndRefusesOneOutside() throws Exception {
        assertEquals(data.resolve("models"), folder.require(data.resolve("models/x/.."), "schedule 'a', field 'template'"));
        String message = assertThrows(OutsideFolderException.class,
                () -> folder.require(outside.resolve("passwd"), "schedule 'a', field 'template'")).getMessage();
        assertTrue(message.startsWith("schedule 'a', field 'template' must stay inside the data folder " + data), message);
    }

    @Test
    void aFolderThatDoesNotExistIsNamed() {
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> ConfinedFolder.of(temp.resolve("nope"), "the reports root"));
        assertTrue(missing.getMessage().contains("nope") && missing.getMessage().contains("the reports root"), missing.getMessage());
    }
}
