package dev.kpikit.runner.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sendWhen, offTarget and destinations in the schedules file: what is accepted, and each problem named by schedule and field. */
class SendWhenValidationTest {

    @TempDir
    Path folder;

    private Path file(String extra, boolean dataFolder) throws Exception {
        Path file = folder.resolve("s.yaml");
        Files.writeString(file, "schedules:\n  - id: weekly\n    template: " + TestSchedules.TEMPLATE + "\n"
                + (dataFolder ? "    parameters: {dataFolder: \"" + TestSchedules.DATA + "\"}\n" : "")
                + "    cron: \"0 0 8 ? * MON\"\n    timeZone: Europe/Oslo\n    to: [\"ceo@kpikit.test\"]\n" + extra);
        return file;
    }

    private List<String> problems(String extra, boolean dataFolder) throws Exception {
        Path file = file(extra, dataFolder);
        return assertThrows(ScheduleValidationException.class, () -> ScheduleFileReader.read(file, TestSchedules.roots())).problems();
    }

    @Test
    void conditionsAndOffTargetAreRead() throws Exception {
        Schedule s = ScheduleFileReader.read(file("    sendWhen: [kpi-off-target, key-accounts-changed]\n"
                + "    offTarget: {kpis: [revenue], amber: true}\n", true), TestSchedules.roots()).schedules().get(0);
        assertEquals(new SendWhen(Set.of(SendCondition.KPI_OFF_TARGET, SendCondition.KEY_ACCOUNTS_CHANGED), List.of("revenue"), true),
                s.sendWhen());
    }

    @Test
    void withoutSendWhenAScheduleAlwaysSends() throws Exception {
        Schedule s = ScheduleFileReader.read(file("", true), TestSchedules.roots()).schedules().get(0);
        assertEquals(SendWhen.ALWAYS, s.sendWhen());
    }

    @Test
    void anUnknownConditionIsNamedWithTheKnownOnes() throws Exception {
        assertEquals(List.of("schedule 'weekly', field 'sendWhen[1]': unknown condition 'kpi-changed'; expected one of "
                + "[always, kpi-status-changed, kpi-off-target, key-accounts-changed, concentration-band-changed]"),
                problems("    sendWhen: [key-accounts-changed, kpi-changed]\n", true));
    }

    @Test
    void conditionsThatCompareDataNeedTheDataFolder() throws Exception {
        assertEquals(List.of("schedule 'weekly', field 'sendWhen': the conditions compare the report's data; set parameters.dataFolder"),
                problems("    sendWhen: [kpi-status-changed]\n", false));
    }

    @Test
    void alwaysWithOtherConditionsAndOffTargetWithoutItsConditionAreRefused() throws Exception {
        assertEquals(List.of("schedule 'weekly', field 'offTarget': only used with sendWhen: [kpi-off-target]",
                "schedule 'weekly', field 'sendWhen': 'always' sends every time; drop it or the other conditions"),
                problems("    sendWhen: [always, kpi-status-changed]\n    offTarget: {kpis: [revenue]}\n", true));
    }

    @Test
    void destinationsAreCheckedForAFolderThatExistsAnHttpUrlAndAKnownFormat() throws Exception {
        Path missing = folder.resolve("no-such-share");
        assertEquals(List.of("schedule 'weekly', field 'destinations.folder': no folder at " + missing,
                "schedule 'weekly', field 'destinations.keepDays': at least 1 (leave it out to keep every file)",
                "schedule 'weekly', field 'destinations.webhook': 'ftp://chat.example.com/hook' is not an http(s) URL",
                "schedule 'weekly', field 'destinations.webhookFormat': 'discord' is not slack or teams"),
                problems("    destinations: {folder: \"" + missing + "\", keepDays: 0, webhook: \"ftp://chat.example.com/hook\","
                        + " webhookFormat: discord}\n", true));
    }

    @Test
    void withoutMailAFolderOrWebhookIsNeeded() throws Exception {
        assertEquals(List.of("schedule 'weekly', field 'destinations': mail is off and there is no folder or webhook;"
                + " nothing would be delivered"), problems("    destinations: {mail: false}\n", true));
    }

    @Test
    void oneSourceOfTheWebhookUrl() throws Exception {
        assertEquals(List.of("schedule 'weekly', field 'destinations': give one of webhook, webhookEnv and webhookFile"),
                problems("    destinations: {webhook: \"https://chat.example.com/hook\", webhookEnv: CHAT_HOOK}\n", true));
    }

    @Test
    void offTargetNamesOnlyHeadlineKpisOfTheCatalog() throws Exception {
        assertEquals(List.of("schedule 'weekly', field 'offTarget.kpis': 'conversion' is not a headline KPI of "
                + Path.of(TestSchedules.DATA).resolve("kpi-catalog.json") + "; headline KPIs: [revenue, revenueGrowth, retention,"
                + " repeatCustomers, revenuePerCustomer]"),
                problems("    sendWhen: [kpi-off-target]\n    offTarget: {kpis: [revenue, conversion]}\n", true));
    }
}
