package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedules file names secrets only the operator put there for kpikit: files under a secrets root (its own folder,
 * /run/secrets, --secrets-root) and KPIKIT_ variables. Its writer must not have the runner's SSH key or cloud
 * credentials sent to a host of their choosing. Real files and links.
 */
class SecretRootsTest {

    @TempDir
    Path schedulesFolder;
    @TempDir
    Path elsewhere;
    private Path file;

    @BeforeEach
    void secretsHereAndElsewhere() throws Exception {
        file = schedulesFolder.resolve("schedules.yaml");
        Files.writeString(schedulesFolder.resolve("smtp-password"), "s3cret-here\n");
        Files.writeString(elsewhere.resolve("id_rsa"), "s3cret-elsewhere\n");
    }

    private Schedules read(String sections, String destinations, SecretRoots secretRoots) throws Exception {
        Files.writeString(file, sections + "schedules:\n  - id: weekly\n    template: " + TestSchedules.TEMPLATE + "\n"
                + "    cron: \"0 0 8 ? * MON\"\n    timeZone: Europe/Oslo\n    to: [\"ceo@kpikit.test\"]\n" + destinations);
        ScheduleRoots roots = TestSchedules.roots();
        return ScheduleFileReader.read(file, new ScheduleRoots(roots.reports(), roots.data(), secretRoots));
    }

    private List<String> problems(String sections, String destinations, SecretRoots secretRoots) {
        return assertThrows(ScheduleValidationException.class, () -> read(sections, destinations, secretRoots)).problems();
    }

    private static String smtp(String password) {
        return "smtp: {host: mail.kpikit.test, username: reports, " + password + "}\n";
    }

    /** How a refusal ends: the default roots (the schedules folder, and /run/secrets where this machine has one). */
    private String defaultRootsShown() {
        return "; the secrets roots are " + schedulesFolder
                + (Files.isDirectory(SecretRoots.CONTAINER_SECRETS) ? ", " + SecretRoots.CONTAINER_SECRETS : "") + " (add one with --secrets-root DIR)";
    }

    private String outsideRefusal(String givenBy, Path secret) {
        return givenBy + " must stay inside a secrets root: '" + secret + "' leads out of them" + defaultRootsShown();
    }

    @Test
    void aPasswordFileBesideTheSchedulesFileIsRead() throws Exception {
        Schedules schedules = read(smtp("passwordFile: smtp-password"), "", SecretRoots.DEFAULTS);
        assertEquals("s3cret-here", schedules.smtp().orElseThrow().password().read());
    }

    @Test
    void aPasswordFileElsewhereIsRefusedUntilTheOperatorAddsItsFolder() throws Exception {
        Path secret = elsewhere.resolve("id_rsa");
        assertEquals(List.of(outsideRefusal("smtp, field 'passwordFile'", secret)),
                problems(smtp("passwordFile: " + secret), "", SecretRoots.DEFAULTS));

        Schedules schedules = read(smtp("passwordFile: " + secret), "", SecretRoots.of(List.of(elsewhere)));
        assertEquals("s3cret-elsewhere", schedules.smtp().orElseThrow().password().read());
    }

    @Test
    void aPasswordFileGoingUpOutOfTheFolderIsRefused() {
        Path secret = schedulesFolder.resolve("../" + elsewhere.getFileName() + "/id_rsa");
        assertEquals(List.of(outsideRefusal("store, field 'passwordFile'", secret.normalize())),
                problems("store: {url: \"jdbc:h2:mem:x\", passwordFile: \"" + secret + "\"}\n", "", SecretRoots.DEFAULTS));
    }

    @Test
    void aLinkBesideTheSchedulesFilePointingOutIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(schedulesFolder.resolve("linked-password"), elsewhere.resolve("id_rsa"));
        assertEquals(List.of("smtp, field 'passwordFile' must stay inside the schedules file's folder " + schedulesFolder + ": '" + link
                + "' leads out of it through a symbolic link" + defaultRootsShown()),
                problems(smtp("passwordFile: linked-password"), "", SecretRoots.DEFAULTS));
    }

    @Test
    void aWebhookFileElsewhereIsRefusedUntilTheOperatorAddsItsFolder() throws Exception {
        Path secret = Files.writeString(elsewhere.resolve("hook"), "https://chat.kpikit.test/hook\n");
        String destinations = "    destinations: {webhookFile: \"" + secret + "\"}\n";
        assertEquals(List.of(outsideRefusal("schedule 'weekly', field 'destinations.webhookFile'", secret)),
                problems("", destinations, SecretRoots.DEFAULTS));

        read("", destinations, SecretRoots.of(List.of(elsewhere)));
    }

    @Test
    void onlyKpikitVariablesMayBeNamed() throws Exception {
        read(smtp("passwordEnv: KPIKIT_X") + "store: {url: \"jdbc:h2:mem:x\", passwordEnv: KPIKIT_STORE_PASSWORD}\n",
                "    destinations: {webhookEnv: KPIKIT_CHAT_WEBHOOK}\n", SecretRoots.DEFAULTS);

        String rule = " is not a kpikit variable; a schedules file may name only variables starting with KPIKIT_ (the operator sets them for the runner)";
        assertEquals(List.of("smtp, field 'passwordEnv': 'HOME'" + rule, "store, field 'passwordEnv': 'AWS_SECRET_ACCESS_KEY'" + rule,
                "schedule 'weekly', field 'destinations.webhookEnv': 'kpikit_chat'" + rule),
                problems(smtp("passwordEnv: HOME") + "store: {url: \"jdbc:h2:mem:x\", passwordEnv: AWS_SECRET_ACCESS_KEY}\n",
                        "    destinations: {webhookEnv: kpikit_chat}\n", SecretRoots.DEFAULTS));
    }
}
