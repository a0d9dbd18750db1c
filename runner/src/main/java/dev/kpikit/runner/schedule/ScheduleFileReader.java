package dev.kpikit.runner.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.quartz.CronExpression;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import dev.kpikit.data.CsvReading;
import dev.kpikit.data.IsoDates;
import dev.kpikit.data.OutsideFolderException;
import dev.kpikit.kpi.JsonProblems;
import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.TextLanguages;
import dev.kpikit.runner.mail.Addresses;
import dev.kpikit.runner.mail.SmtpSettings;
import dev.kpikit.runner.mail.SmtpSettings.PasswordSource;
import jakarta.mail.internet.InternetAddress;

/**
 * Reads a schedules file (.yaml/.yml or .json) and validates all of it at once, so an
 * operator sees every problem in one go, each naming the schedule and the field.
 * Relative paths (templates, parameters named like folders, password files) are resolved
 * against the file's own folder. Templates and data folders must lie under the
 * {@link ScheduleRoots}, secret files under the {@link SecretRoots}, and secret variables must be kpikit's own.
 */
public final class ScheduleFileReader {

    /** 1 MB: thousands of schedules; the parser's time grows with the square of a line's length. */
    static final long MAX_BYTES = 1024 * 1024;

    /** The start of every environment variable a schedules file may name for a secret. */
    static final String SECRET_VARIABLE_PREFIX = "KPIKIT_";

    private final Path file;
    private final ScheduleRoots roots;
    /** The operator's secrets roots; once the file is found, with the file's own folder and /run/secrets. */
    private final SecretRoots secretRoots;
    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private Map<String, BusinessCalendar> calendars = Map.of();
    /**
     * The calendars the file declares, valid or not: the known calendars. A calendar with an error of its own is told
     * once, by itself; a schedule naming it gets no second problem, and one naming an unknown calendar is told it is there.
     */
    private Set<String> declaredCalendars = Set.of();

    private ScheduleFileReader(Path file, ScheduleRoots roots, SecretRoots secretRoots) {
        this.file = file;
        this.roots = roots;
        this.secretRoots = secretRoots;
    }

    /** The whole file, every schedule's template and data folder under the roots. */
    public static Schedules read(Path file, ScheduleRoots roots) throws ScheduleValidationException, IOException {
        return of(file, roots, roots.secrets()).readAndValidate();
    }

    /**
     * Only the smtp, store and runner sections (for {@code send --config} and {@code schedule history}, which
     * render no schedule); the result has no schedules.
     */
    public static Schedules readSettings(Path file, SecretRoots secretRoots) throws ScheduleValidationException, IOException {
        return of(file, null, secretRoots).readAndValidate();
    }

    /** A reader of the file, which must be there; its secrets roots with the file's own folder. */
    private static ScheduleFileReader of(Path file, ScheduleRoots roots, SecretRoots secretRoots) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no schedules file at " + file.toAbsolutePath());
        }
        return new ScheduleFileReader(file, roots, secretRoots.forFile(file));
    }

    private Schedules readAndValidate() throws ScheduleValidationException, IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) { // the wrong file (a log, an export): the YAML parser takes minutes over a long line of it
            throw new ScheduleValidationException(file.toString(), List.of(String.format(Locale.ROOT,
                    "the file is %,d bytes; a schedules file is at most %,d (is it the right file?)", size, MAX_BYTES)));
        }
        ScheduleFileModel.File model;
        List<UnknownFields.Unknown> unknown = List.of();
        try {
            ObjectMapper mapper = mapper(file);
            refuseAnchorsAliasesAndTags(mapper);
            try (JsonParser parser = mapper.getFactory().createParser(file.toFile())) {
                unknown = UnknownFields.in(parser, ScheduleFileModel.File.class, mapper);
            }
            try (JsonParser parser = mapper.getFactory().createParser(file.toFile())) {
                if (parser.nextToken() == null) { // only comments or nothing: Jackson's "No content to map" says less
                    throw new ScheduleValidationException(file.toString(), List.of("the file is empty"));
                }
                model = mapper.readValue(parser, ScheduleFileModel.File.class);
                requireNothingAfter(parser);
            }
        } catch (JsonMappingException e) {
            unknownFields(unknown, List.of());
            String line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : "line " + e.getLocation().getLineNr() + ": ";
            problems.add(line + where(e) + ": " + JsonProblems.reason(e));
            throw new ScheduleValidationException(file.toString(), problems);
        } catch (JsonProcessingException e) {
            throw new ScheduleValidationException(file.toString(), List.of(syntaxProblem(e)));
        }
        if (model == null) {
            throw new ScheduleValidationException(file.toString(), List.of("the file is empty"));
        }
        unknownFields(unknown, model.schedules() == null ? List.of() : model.schedules());
        Optional<SmtpSettings> smtp = Optional.ofNullable(model.smtp()).map(this::smtp);
        Optional<StoreSettings> store = Optional.ofNullable(model.store()).map(this::store);
        RunnerSettings runner = runner(model.runner());
        if (roots != null) {
            calendars = BusinessCalendars.read(model.calendars(), problems);
            declaredCalendars = model.calendars() == null ? Set.of() : model.calendars().keySet();
        }
        List<Schedule> schedules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<ScheduleFileModel.Entry> entries = model.schedules() == null || roots == null ? List.of() : model.schedules();
        if (entries.isEmpty() && roots != null) {
            problems.add("schedules: none listed");
        }
        for (int i = 0; i < entries.size(); i++) {
            ScheduleFileModel.Entry entry = entries.get(i);
            String id = entry == null ? null : entry.id();
            String name = scheduleName(i, entry);
            if (entry == null) {
                problems.add(name + ": empty entry");
                continue;
            }
            if (id == null || id.isBlank()) {
                problems.add(name + ", field 'id': missing");
            } else if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
                problems.add(name + ", field 'id': use letters, digits, '.', '_' and '-' (at most 100)");
            } else if (!ids.add(id)) {
                problems.add(name + ", field 'id': used twice");
            }
            Schedule schedule = schedule(name, entry);
            if (schedule != null) {
                schedules.add(schedule);
            }
        }
        if (!problems.isEmpty()) {
            throw new ScheduleValidationException(file.toString(), problems, warnings);
        }
        return new Schedules(smtp, store, runner, List.copyOf(schedules), calendars, warnings);
    }

    /** "schedule 'monday'" by its id, "schedule #2" (from 1) when it has none. */
    private static String scheduleName(int index, ScheduleFileModel.Entry entry) {
        String id = entry == null ? null : entry.id();
        return id == null || id.isBlank() ? "schedule #" + (index + 1) : "schedule '" + id + "'";
    }

    /**
     * Each field the model does not have, as a problem with its line and where it is ("line 7: schedule 'monday', field
     * 'retry.atempts': unknown field; known: ..."); a schedule is named by its id when the file could be read.
     */
    private void unknownFields(List<UnknownFields.Unknown> unknown, List<ScheduleFileModel.Entry> entries) {
        for (UnknownFields.Unknown u : unknown) {
            List<Object> path = u.path();
            String where;
            if (path.size() == 1) {
                where = "field '" + path.get(0) + "'";
            } else if (path.get(0).equals("schedules") && path.get(1) instanceof Integer i && path.size() > 2) {
                where = scheduleName(i, i < entries.size() ? entries.get(i) : null) + ", field '" + dotted(path.subList(2, path.size())) + "'";
            } else if (path.get(0).equals("calendars") && path.size() > 2) {
                where = "calendar '" + path.get(1) + "', field '" + dotted(path.subList(2, path.size())) + "'";
            } else {
                where = path.get(0) + ", field '" + dotted(path.subList(1, path.size())) + "'";
            }
            problems.add("line " + u.line() + ": " + JsonProblems.cut(where) + ": unknown field; known: " + String.join(", ", u.known()));
        }
    }

    /** retry.attempts, headline[0].name. */
    private static String dotted(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object step : path) {
            text.append(step instanceof Integer i ? "[" + i + "]" : (text.isEmpty() ? "" : ".") + step);
        }
        return text.toString();
    }

    /**
     * Jackson does not expand YAML aliases (a {@code *team} would silently become the text
     * "team") and ignores tags such as {@code !!java.net.URL}: both are refused, with their
     * line, rather than read as something the operator did not mean. This also takes the
     * "billion laughs" alias bomb off the table.
     */
    private void refuseAnchorsAliasesAndTags(ObjectMapper mapper) throws IOException, ScheduleValidationException {
        try (JsonParser parser = mapper.getFactory().createParser(file.toFile())) {
            if (!(parser instanceof YAMLParser yaml)) {
                return;
            }
            while (yaml.nextToken() != null) {
                String tag = yaml.getTypeId();
                String problem = yaml.isCurrentAlias() || yaml.getObjectId() != null
                        ? "YAML anchors and aliases (&name, *name) are not read; write the value out where it is needed"
                        : tag != null && !CORE_TAGS.contains(tag.replaceFirst("^(tag:yaml.org,2002:|!!)", ""))
                                ? "YAML tags (!!name, !name) are not read; remove the tag"
                                : null;
                if (problem != null) {
                    throw new ScheduleValidationException(file.toString(),
                            List.of("line " + yaml.currentTokenLocation().getLineNr() + ": " + problem));
                }
            }
        }
    }

    /**
     * Refuses a second YAML document (after {@code ---}) or a second JSON value after the one read: its schedules would
     * otherwise be dropped unseen. Empty documents (a closing {@code ---}) are no content.
     */
    private void requireNothingAfter(JsonParser parser) throws IOException, ScheduleValidationException {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NULL) {
                String what = parser instanceof YAMLParser
                        ? "a second YAML document (after '---'); a schedules file holds one document"
                        : "content after the JSON object, which must be the only value in the file";
                throw new ScheduleValidationException(file.toString(),
                        List.of("line " + parser.currentTokenLocation().getLineNr() + ": " + what));
            }
        }
    }

    /** The tags of YAML's core schema, which say no more than the plain value does. */
    private static final Set<String> CORE_TAGS = Set.of("str", "int", "float", "bool", "null", "seq", "map");

    static ObjectMapper mapper(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        // a key given twice (a second cron pasted below the first, a second smtp section) is refused: Jackson would keep
        // the last one and drop the other unseen
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // unknown fields are all listed, with their lines, by UnknownFields before Jackson reads the file
        // attempts: 2.5 is refused, not read as 2
        return mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    }

    /**
     * A file that is not YAML (or JSON): SnakeYAML's message quotes the lines with a caret beneath, which a one-line
     * problem list turns to noise; said here as where it went wrong, what the parser expected and where the block began.
     */
    private static String syntaxProblem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null && yaml.getProblem() != null) {
            Mark at = yaml.getProblemMark();
            Mark from = yaml.getContextMark();
            String context = yaml.getContext() == null || from == null ? ""
                    : " (" + yaml.getContext() + " from line " + (from.getLine() + 1) + ", column " + (from.getColumn() + 1) + ")";
            return "line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) + ": not valid YAML: " + yaml.getProblem()
                    + context + "; look at the indentation and the brackets there";
        }
        if (JsonProblems.notUtf8(e)) { // a binary file, or text saved in another encoding
            return "the file is not UTF-8 text; save it as UTF-8";
        }
        // the line only: the parser's column is where it stopped reading, past the key or value at fault
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : "line " + e.getLocation().getLineNr() + ": ";
        return where + "not valid YAML/JSON: " + JsonProblems.reason(e);
    }

    /** "schedule #2, field 'crn'" from Jackson's path (schedules[1].crn). */
    private static String where(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        boolean inSchedules = false;
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append(inSchedules && path.toString().equals("schedules") ? "" : "[" + ref.getIndex() + "]");
                if (inSchedules && path.toString().equals("schedules")) {
                    path.setLength(0);
                    path.append("schedule #").append(ref.getIndex() + 1).append(", field '");
                }
            } else {
                if (ref.getFieldName().equals("schedules") && path.isEmpty()) {
                    inSchedules = true;
                    path.append("schedules");
                    continue;
                }
                path.append(path.isEmpty() || path.toString().endsWith("'") ? "" : ".").append(ref.getFieldName());
            }
        }
        String text = path.toString();
        return text.contains("field '") ? text + "'" : text.isEmpty() ? "file" : "field '" + text + "'";
    }

    private Schedule schedule(String name, ScheduleFileModel.Entry e) {
        int before = problems.size();
        Path template = null;
        if (e.template() == null || e.template().isBlank()) {
            problems.add(name + ", field 'template': missing");
        } else {
            template = resolve(e.template());
            if (!e.template().endsWith(".rptdesign")) {
                problems.add(name + ", field 'template': '" + e.template() + "' is not a .rptdesign file");
            } else if (!under(template, name + ", field 'template'", roots::template)) {
                template = null;
            } else if (!Files.isRegularFile(template)) {
                problems.add(name + ", field 'template': unknown template, no file at " + template);
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (e.parameters() != null) {
            e.parameters().forEach((k, v) -> parameters.put(k, parameter(name, k, v)));
        }
        AsOfRule asOf = fieldOf(name, "asOf", e.asOf(), AsOfRule::parse, AsOfRule.END_OF_LAST_MONTH);
        Locale locale = fieldOf(name, "locale", e.locale(), ScheduleFileReader::locale, Locale.ENGLISH);
        if (e.locale() != null) {
            TextLanguages.missing(locale, e.locale()).ifPresent(warning -> warnings.add(name + ", field 'locale': " + warning));
        }
        List<OutputFormat> formats = fieldOf(name, "formats", e.formats(), ScheduleFileReader::formats, List.of(OutputFormat.PDF));
        String cron = e.cron();
        if (cron == null || cron.isBlank()) {
            problems.add(name + ", field 'cron': missing (e.g. \"0 0 8 ? * MON\" for Mondays at 8:00)");
        } else {
            try {
                // a valid expression may still name no time to come: 30 February, or only years gone by
                if (new CronExpression(cron).getTimeAfter(new java.util.Date()) == null) {
                    problems.add(name + ", field 'cron': '" + cron + "' never fires from now on (a day no month has, such as"
                            + " 30 February, or only years gone by)");
                }
            } catch (java.text.ParseException ex) {
                problems.add(name + ", field 'cron': bad cron expression '" + cron + "': " + ex.getMessage()
                        + " (Quartz syntax: seconds minutes hours day-of-month month day-of-week [year])");
            }
        }
        ZoneId zone = null;
        if (e.timeZone() == null || e.timeZone().isBlank()) {
            problems.add(name + ", field 'timeZone': missing (e.g. Europe/Oslo)");
        } else {
            zone = fieldOf(name, "timeZone", e.timeZone(), TimeZoneNames::parse, null);
        }
        if (zone != null && problems.size() == before) {
            skippedByClockChange(cron, zone).ifPresent(warning -> warnings.add(name + ", field 'cron': " + warning));
            numberedWeekdays(cron).ifPresent(warning -> warnings.add(name + ", field 'cron': " + warning));
            moreThanOnceAMinute(cron, zone).ifPresent(warning -> warnings.add(name + ", field 'cron': " + warning));
        }
        List<InternetAddress> to = addresses(name, "to", e.to());
        Destinations destinations = destinations(name, e.destinations(), e.to() != null && !e.to().isEmpty());
        if (destinations.mail() && to.isEmpty() && (e.to() == null || e.to().isEmpty())) {
            problems.add(name + ", field 'to': at least one recipient is needed"
                    + (e.destinations() == null ? " (or destinations: a folder or a webhook)" : ""));
        }
        List<InternetAddress> cc = addresses(name, "cc", e.cc());
        List<InternetAddress> bcc = addresses(name, "bcc", e.bcc());
        InternetAddress owner = e.owner() == null ? null : addresses(name, "owner", List.of(e.owner())).stream().findFirst().orElse(null);
        List<HeadlineKpi> headline = headline(name, e.headline());
        Set<String> known = new HashSet<>(Placeholders.BUILT_IN);
        headline.forEach(h -> known.add(h.name()));
        String subject = e.subject() == null ? Schedule.DEFAULT_SUBJECT : e.subject();
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            problems.add(name + ", field 'subject': CR/LF in a header value");
        }
        String body = e.body() == null ? Schedule.DEFAULT_BODY : e.body();
        checkPlaceholders(name, "subject", subject, known);
        checkPlaceholders(name, "body", body, known);
        RetryPolicy retry = retry(name, e.retry());
        BusinessCalendar calendar = null;
        if (e.calendar() != null) {
            calendar = calendars.get(e.calendar());
            if (calendar == null && !declaredCalendars.contains(e.calendar())) {
                problems.add(name + ", field 'calendar': unknown calendar '" + e.calendar() + "'; known: "
                        + declaredCalendars.stream().sorted().toList());
            }
        }
        OnExcludedDay onExcludedDay = fieldOf(name, "onExcludedDay", e.onExcludedDay(), OnExcludedDay::parse, OnExcludedDay.SKIP);
        if (e.onExcludedDay() != null && e.calendar() == null) {
            problems.add(name + ", field 'onExcludedDay': needs a 'calendar' that says which days are excluded");
        }
        SendWhen sendWhen = sendWhen(name, e, parameters);
        CsvReading reading = reading(name, e);
        if (problems.size() > before || e.calendar() != null && calendar == null) {
            return null;
        }
        if (calendar != null) {
            BusinessCalendars.neverFires(cron, zone, calendar, onExcludedDay)
                    .ifPresent(why -> problems.add(name + ", field 'calendar': " + why));
        }
        return new Schedule(e.id(), template, parameters, asOf, e.asOfParameter(), locale, formats, cron, zone, to, cc,
                bcc, owner, subject, body, headline, retry, Boolean.TRUE.equals(e.skipWhenNoData()),
                e.enabled() == null || e.enabled(), calendar, onExcludedDay, sendWhen, destinations, reading);
    }

    /**
     * A cron that fires more than once a minute ("* * * * * ?", "0/10 * ..."): a report mailed every second is a field
     * given a star too many (Quartz's first field is the second), not a wish; said with how often, from its next fires.
     */
    static Optional<String> moreThanOnceAMinute(String cron, ZoneId zone) {
        CronExpression expression = inZone(cron, java.util.TimeZone.getTimeZone(zone));
        java.util.Date fire = expression.getTimeAfter(new java.util.Date());
        long shortest = Long.MAX_VALUE;
        for (int i = 0; i < 60 && fire != null; i++) {
            java.util.Date next = expression.getTimeAfter(fire);
            if (next != null) {
                shortest = Math.min(shortest, next.getTime() - fire.getTime());
            }
            fire = next;
        }
        if (shortest >= 60_000) {
            return Optional.empty();
        }
        long seconds = shortest / 1000;
        return Optional.of("'" + cron + "' fires every " + (seconds == 1 ? "second" : seconds + " seconds") + ", a delivery each"
                + " time; Quartz's first field is the second: '0 0 8 * * ?' is 08:00 every day");
    }

    /** The cron read in the time zone; checked before the warnings look at it, so it always parses there. */
    private static CronExpression inZone(String cron, java.util.TimeZone zone) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(zone);
            return expression;
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("a cron refused before its warnings: " + cron, e);
        }
    }

    /**
     * Day-of-week numbers, which Quartz counts from Sunday (1 = SUN) and Unix cron from Monday: "0 0 8 ? * 1-5" fires Sunday
     * to Thursday, not on the working days an admin used to crontab meant. Said with the days it names; empty for names.
     */
    static Optional<String> numberedWeekdays(String cron) {
        String[] fields = cron.strip().split("\\s+");
        if (fields.length < 6 || !fields[5].matches(".*(^|[^#/0-9])[1-7].*")) {
            return Optional.empty();
        }
        String[] days = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
        String named = java.util.regex.Pattern.compile("(?<![#/0-9])[1-7]").matcher(fields[5]).results()
                .map(m -> m.group() + " is " + days[Integer.parseInt(m.group()) - 1]).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        return Optional.of("day of week '" + fields[5] + "': Quartz counts from Sunday, so " + named + " (Unix cron counts from"
                + " Monday); the names (MON-FRI) say it plainly");
    }

    /**
     * A fire time that the clock change to summer time skips (02:30 in Europe/Berlin on the last Sunday of March): Quartz
     * leaves it out without a word, so the schedule says so; the first one in the next years, or empty when none is
     * skipped or the cron fires again within the hour after the change.
     */
    static Optional<String> skippedByClockChange(String cron, ZoneId zone) {
        // the cron read in UTC gives its wall-clock times, gaps included
        CronExpression wallClock = inZone(cron, java.util.TimeZone.getTimeZone("UTC"));
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant until = now.atZone(zone).plusYears(BusinessCalendars.YEARS_AHEAD).toInstant();
        for (java.time.zone.ZoneOffsetTransition change = zone.getRules().nextTransition(now);
                change != null && change.getInstant().isBefore(until); change = zone.getRules().nextTransition(change.getInstant())) {
            if (!change.isGap()) {
                continue;
            }
            java.time.LocalDateTime from = change.getDateTimeBefore();
            java.time.LocalDateTime to = change.getDateTimeAfter();
            java.util.Date next = wallClock.getTimeAfter(java.util.Date.from(from.minusSeconds(1).toInstant(java.time.ZoneOffset.UTC)));
            java.time.Instant gapEnd = to.toInstant(java.time.ZoneOffset.UTC);
            // a cron that fires again within the hour after (every 15 minutes, hourly) makes up for it: not told
            java.util.Date after = wallClock.getTimeAfter(java.util.Date.from(gapEnd.minusSeconds(1)));
            boolean madeUpSoon = after != null && after.toInstant().isBefore(gapEnd.plusSeconds(3600));
            if (next != null && next.toInstant().isBefore(gapEnd) && !madeUpSoon) {
                java.time.LocalDateTime skipped = java.time.LocalDateTime.ofInstant(next.toInstant(), java.time.ZoneOffset.UTC);
                return Optional.of(String.format(Locale.ROOT, "%s on %s does not exist in %s (the clocks go from %s to %s), so"
                        + " that fire is skipped; a time outside %s-%s is delivered every time",
                        skipped.toLocalTime(), skipped.toLocalDate(), zone, from.toLocalTime(), to.toLocalTime(),
                        from.toLocalTime(), to.toLocalTime()));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code encoding} and {@code decimalSeparator}: how the data folder's CSV tables are read, checked as render's
     * --encoding and --decimal-separator are (one reading of both, in {@link CsvReading}).
     */
    private CsvReading reading(String name, ScheduleFileModel.Entry e) {
        java.nio.charset.Charset encoding = null;
        Character separator = null;
        try {
            encoding = CsvReading.encoding(e.encoding(), name + ", field 'encoding':");
        } catch (IllegalArgumentException ex) {
            problems.add(ex.getMessage());
        }
        try {
            separator = CsvReading.decimalSeparator(e.decimalSeparator(), name + ", field 'decimalSeparator'");
        } catch (IllegalArgumentException ex) {
            problems.add(ex.getMessage());
        }
        return new CsvReading(encoding, separator);
    }

    /** {@code destinations}: mail unless told otherwise when there are recipients; a folder that exists; an http(s) URL. */
    private Destinations destinations(String name, ScheduleFileModel.DestinationsEntry d, boolean hasRecipients) {
        if (d == null) {
            return Destinations.MAIL_ONLY;
        }
        boolean mail = d.mail() == null ? hasRecipients : d.mail();
        Path folder = null;
        if (d.folder() != null) {
            folder = resolve(d.folder());
            if (!Files.isDirectory(folder)) {
                problems.add(name + ", field 'destinations.folder': no folder at " + folder);
            }
        }
        if (d.keepDays() != null && (d.keepDays() < 1 || d.folder() == null)) {
            problems.add(name + ", field 'destinations.keepDays': " + (d.folder() == null ? "needs destinations.folder"
                    : "at least 1 (leave it out to keep every file)"));
        }
        java.net.URI url = httpUrl(name, "destinations.webhook", d.webhook());
        Destinations.Webhook webhook = url == null ? null : Destinations.Webhook.of(url);
        if (java.util.stream.Stream.of(d.webhook(), d.webhookEnv(), d.webhookFile()).filter(java.util.Objects::nonNull).count() > 1) {
            problems.add(name + ", field 'destinations': give one of webhook, webhookEnv and webhookFile");
        } else if (d.webhookEnv() != null) {
            requireKpikitVariable(name + ", field 'destinations.webhookEnv'", d.webhookEnv());
            webhook = Destinations.Webhook.fromEnvironment(d.webhookEnv());
        } else if (d.webhookFile() != null) {
            webhook = Destinations.Webhook.fromFile(secretFile(name + ", field 'destinations.webhookFile'", d.webhookFile()));
        }
        java.net.URI reportServer = httpUrl(name, "destinations.reportServer", d.reportServer());
        if (reportServer != null && webhook == null) {
            problems.add(name + ", field 'destinations.reportServer': only used to link from the webhook's message");
        }
        Destinations.WebhookFormat format = Destinations.WebhookFormat.SLACK;
        if (d.webhookFormat() != null && webhook == null) {
            problems.add(name + ", field 'destinations.webhookFormat': there is no webhook");
        } else if (d.webhookFormat() != null) {
            try {
                format = Destinations.WebhookFormat.valueOf(d.webhookFormat().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                problems.add(name + ", field 'destinations.webhookFormat': '" + d.webhookFormat() + "' is not slack or teams");
            }
        }
        if (!mail && folder == null && webhook == null) {
            problems.add(name + ", field 'destinations': mail is off and there is no folder or webhook; nothing would be delivered");
        }
        return new Destinations(mail, folder, d.keepDays(), webhook, format, reportServer);
    }

    private java.net.URI httpUrl(String name, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            java.net.URI url = new java.net.URI(text.strip());
            if (!("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme())) || url.getHost() == null) {
                problems.add(name + ", field '" + field + "': '" + text + "' is not an http(s) URL");
            }
            return url;
        } catch (java.net.URISyntaxException ex) {
            problems.add(name + ", field '" + field + "': '" + text + "' is not a URL: " + ex.getReason());
            return null;
        }
    }

    /** offTarget's KPIs are top-level KPIs of the data folder's catalog (when it is there now; else the run tells). */
    private void checkHeadlineKpis(String name, Path catalogFile, List<String> kpis) {
        if (!Files.isRegularFile(catalogFile)) {
            return;
        }
        try {
            List<String> headline = dev.kpikit.kpi.KpiCatalog.load(catalogFile).kpis().stream()
                    .filter(k -> k.parentId() == null).map(dev.kpikit.kpi.KpiDefinition::id).toList();
            for (String kpi : kpis) {
                if (!headline.contains(kpi)) {
                    problems.add(name + ", field 'offTarget.kpis': '" + kpi + "' is not a headline KPI of " + catalogFile
                            + "; headline KPIs: " + headline);
                }
            }
        } catch (IOException | RuntimeException ex) {
            problems.add(name + ", field 'offTarget.kpis': cannot read " + catalogFile + ": " + ex.getMessage());
        }
    }

    /** {@code sendWhen} and {@code offTarget}; conditions that read the data need the report's data folder. */
    private SendWhen sendWhen(String name, ScheduleFileModel.Entry e, Map<String, String> parameters) {
        if (e.offTarget() != null && (e.sendWhen() == null || !e.sendWhen().contains(SendCondition.KPI_OFF_TARGET.text()))) {
            problems.add(name + ", field 'offTarget': only used with sendWhen: [" + SendCondition.KPI_OFF_TARGET.text() + "]");
        }
        if (e.sendWhen() == null) {
            return SendWhen.ALWAYS;
        }
        Set<SendCondition> conditions = new java.util.LinkedHashSet<>();
        for (int i = 0; i < e.sendWhen().size(); i++) {
            try {
                conditions.add(SendCondition.parse(e.sendWhen().get(i)));
            } catch (IllegalArgumentException ex) {
                problems.add(name + ", field 'sendWhen[" + i + "]': " + ex.getMessage());
            }
        }
        if (conditions.isEmpty() && e.sendWhen().isEmpty()) {
            problems.add(name + ", field 'sendWhen': empty; leave it out to always send");
        }
        if (conditions.contains(SendCondition.ALWAYS) && conditions.size() > 1) {
            problems.add(name + ", field 'sendWhen': 'always' sends every time; drop it or the other conditions");
        }
        boolean readsData = conditions.stream().anyMatch(c -> c != SendCondition.ALWAYS);
        String dataFolder = parameters.get(dev.kpikit.runner.engine.RenderRequest.DATA_FOLDER_PARAMETER);
        if (readsData && (dataFolder == null || dataFolder.isBlank())) {
            problems.add(name + ", field 'sendWhen': the conditions compare the report's data; set parameters."
                    + dev.kpikit.runner.engine.RenderRequest.DATA_FOLDER_PARAMETER);
        }
        List<String> kpis = e.offTarget() == null || e.offTarget().kpis() == null ? List.of() : List.copyOf(e.offTarget().kpis());
        if (!kpis.isEmpty() && dataFolder != null && !dataFolder.isBlank()) {
            checkHeadlineKpis(name, Path.of(dataFolder).resolve(DeliverySnapshot.CATALOG_FILE), kpis);
        }
        boolean amber = e.offTarget() != null && Boolean.TRUE.equals(e.offTarget().amber());
        return new SendWhen(Set.copyOf(conditions), kpis, amber);
    }

    /**
     * A parameter's value as the report gets it: the data folder under the data root, a date checked strictly,
     * a value that names an existing folder relative to this file as an absolute path.
     */
    private String parameter(String name, String key, String value) {
        if (value == null) {
            return "";
        }
        String field = name + ", field 'parameters." + key + "'";
        if (ScheduleRoots.namesDataFolder(key)) {
            Path folder = resolve(value);
            return under(folder, field, roots::dataFolder) ? folder.toString() : value;
        }
        if (IsoDates.looksLikeOne(value)) {
            try {
                IsoDates.parse(value, field);
            } catch (IllegalArgumentException ex) {
                problems.add(ex.getMessage());
            }
        }
        Path candidate = resolve(value);
        return !Path.of(value).isAbsolute() && Files.isDirectory(candidate) ? candidate.toString() : value;
    }

    /** A check of a path against a root. */
    @FunctionalInterface
    private interface RootCheck {
        Path check(Path path, String givenBy) throws OutsideFolderException;
    }

    /** Whether the path lies under its root; a problem naming the schedule, the field and the root when not. */
    private boolean under(Path path, String field, RootCheck root) {
        try {
            root.check(path, field);
            return true;
        } catch (OutsideFolderException ex) {
            problems.add(ex.getMessage());
            return false;
        }
    }

    /**
     * A variable the file names for a secret must be one the operator set for kpikit: the file's writer must not be
     * able to have any variable of the runner (AWS_SECRET_ACCESS_KEY) sent to an SMTP host or URL of their choosing.
     */
    private void requireKpikitVariable(String givenBy, String variable) {
        if (!variable.startsWith(SECRET_VARIABLE_PREFIX)) {
            problems.add(givenBy + ": '" + variable + "' is not a kpikit variable; a schedules file may name only variables starting with "
                    + SECRET_VARIABLE_PREFIX + " (the operator sets them for the runner)");
        } else if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            problems.add(givenBy + ": '" + variable + "' is not an environment variable's name");
        }
    }

    /** A secret file the file names, resolved; a problem when it lies outside the secrets roots (see {@link SecretRoots}). */
    private Path secretFile(String givenBy, String path) {
        Path secret = resolve(path);
        secretRoots.refusal(secret, givenBy).ifPresent(problems::add);
        return secret;
    }

    private Path resolve(String path) {
        Path p = Path.of(path);
        Path base = file.toAbsolutePath().getParent();
        return (p.isAbsolute() ? p : base.resolve(p)).normalize();
    }

    private <V, T> T fieldOf(String name, String field, V value, Function<? super V, T> parse, T fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException ex) {
            problems.add(name + ", field '" + field + "': " + ex.getMessage());
            return fallback;
        }
    }

    private static Locale locale(String tag) {
        Locale locale = Locale.forLanguageTag((tag).replace('_', '-'));
        if (locale.getLanguage().isEmpty()) {
            throw new IllegalArgumentException("'" + tag + "' is not a language tag (e.g. en, en-GB, nb-NO)");
        }
        return locale;
    }

    private static List<OutputFormat> formats(List<String> list) {
        List<OutputFormat> formats = list.stream().map(OutputFormat::parse).distinct().toList();
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("at least one format (pdf, xlsx) is needed");
        }
        if (formats.contains(OutputFormat.HTML)) {
            throw new IllegalArgumentException("html is not attached; use pdf and/or xlsx");
        }
        return formats;
    }

    private List<InternetAddress> addresses(String name, String field, List<String> texts) {
        List<InternetAddress> result = new ArrayList<>();
        if (texts == null) {
            return result;
        }
        for (String text : texts) {
            try {
                result.add(Addresses.parse(text));
            } catch (IllegalArgumentException ex) {
                problems.add(name + ", field '" + field + "': " + ex.getMessage());
            }
        }
        return result;
    }

    private List<HeadlineKpi> headline(String name, List<ScheduleFileModel.HeadlineEntry> entries) {
        List<HeadlineKpi> result = new ArrayList<>();
        if (entries == null) {
            return result;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ScheduleFileModel.HeadlineEntry h = entries.get(i);
            String where = name + ", field 'headline[" + i + "]";
            if (h.name() == null || !h.name().matches("[A-Za-z][A-Za-z0-9_]*")) {
                problems.add(where + ".name': a name of letters, digits and '_' is needed (it is the {placeholder})");
            } else if (Placeholders.BUILT_IN.contains(h.name()) || !names.add(h.name())) {
                problems.add(where + ".name': '" + h.name() + "' is taken");
            }
            if (h.item() == null || h.item().isBlank()) {
                problems.add(where + ".item': missing (the name of a table or list in the report)");
            }
            if (h.column() == null || h.column().isBlank()) {
                problems.add(where + ".column': missing (a binding of that item)");
            }
            if (h.format() != null) {
                try {
                    new java.text.DecimalFormat(h.format());
                } catch (IllegalArgumentException ex) {
                    problems.add(where + ".format': bad number pattern '" + h.format() + "'");
                }
            }
            result.add(new HeadlineKpi(h.name(), h.label() == null ? h.name() : h.label(), h.item(), h.column(), h.format()));
        }
        return result;
    }

    private void checkPlaceholders(String name, String field, String template, Set<String> known) {
        for (String placeholder : Placeholders.namesIn(template)) {
            if (!known.contains(placeholder)) {
                problems.add(name + ", field '" + field + "': unknown placeholder {" + placeholder + "}; known: "
                        + known.stream().sorted().toList());
            }
        }
    }

    private RetryPolicy retry(String name, ScheduleFileModel.Retry r) {
        if (r == null) {
            return RetryPolicy.DEFAULT;
        }
        RetryPolicy d = RetryPolicy.DEFAULT;
        int attempts = r.attempts() == null ? d.attempts() : r.attempts();
        if (attempts < 1 || attempts > 20) {
            problems.add(name + ", field 'retry.attempts': between 1 and 20");
        }
        Duration initial = fieldOf(name, "retry.initialDelay", r.initialDelay(), Durations::parse, d.initialDelay());
        Duration max = fieldOf(name, "retry.maxDelay", r.maxDelay(), Durations::parse, d.maxDelay());
        double multiplier = r.multiplier() == null ? d.multiplier() : r.multiplier();
        if (multiplier < 1) {
            problems.add(name + ", field 'retry.multiplier': at least 1");
        }
        return new RetryPolicy(attempts, initial, multiplier, max);
    }

    private SmtpSettings smtp(ScheduleFileModel.Smtp s) {
        if (s.password() != null) {
            problems.add("smtp, field 'password': never put a password in the schedules file; "
                    + "use passwordEnv (an environment variable's name) or passwordFile");
        }
        if (s.host() == null || s.host().isBlank()) {
            problems.add("smtp, field 'host': missing");
            return null;
        }
        if (s.host().indexOf('\r') >= 0 || s.host().indexOf('\n') >= 0) {
            problems.add("smtp, field 'host': CR/LF in a host name");
        }
        int port = s.port() == null ? 587 : s.port();
        inRange("smtp", "port", s.port(), 1, 65535);
        inRange("smtp", "timeoutSeconds", s.timeoutSeconds(), 1, 3600);
        String from = s.from() == null ? "kpikit@localhost" : s.from();
        try {
            Addresses.parse(from);
        } catch (IllegalArgumentException ex) {
            problems.add("smtp, field 'from': " + ex.getMessage());
        }
        PasswordSource password = PasswordSource.NONE;
        if (s.passwordEnv() != null && s.passwordFile() != null) {
            problems.add("smtp: give passwordEnv or passwordFile, not both");
        } else if (s.passwordEnv() != null) {
            requireKpikitVariable("smtp, field 'passwordEnv'", s.passwordEnv());
            password = PasswordSource.fromEnvironment(s.passwordEnv());
        } else if (s.passwordFile() != null) {
            password = PasswordSource.fromFile(secretFile("smtp, field 'passwordFile'", s.passwordFile()));
        }
        if (s.username() != null && password == PasswordSource.NONE) {
            problems.add("smtp, field 'username': set passwordEnv or passwordFile too");
        }
        int timeout = s.timeoutSeconds() == null ? SmtpSettings.DEFAULT_TIMEOUT_MILLIS : s.timeoutSeconds() * 1000;
        return new SmtpSettings(s.host().strip(), port, from, s.username(), password, timeout);
    }

    private StoreSettings store(ScheduleFileModel.Store s) {
        if (s.password() != null) {
            problems.add("store, field 'password': never put a password in the schedules file; use passwordEnv or passwordFile");
        }
        if (s.url() == null || !s.url().startsWith("jdbc:")) {
            problems.add("store, field 'url': a JDBC URL is needed (jdbc:postgresql://host/db or jdbc:h2:file:...)");
            return null;
        }
        if (StoreSettings.holdsPassword(s.url())) {
            problems.add("store, field 'url': holds a password; never put a password in the schedules file, "
                    + "use passwordEnv or passwordFile");
        }
        Supplier<String> password = () -> null;
        if (s.passwordEnv() != null) {
            requireKpikitVariable("store, field 'passwordEnv'", s.passwordEnv());
            password = () -> System.getenv(s.passwordEnv());
        } else if (s.passwordFile() != null) {
            PasswordSource source = PasswordSource.fromFile(secretFile("store, field 'passwordFile'", s.passwordFile()));
            password = source::read;
        }
        boolean clustered = s.clustered() == null ? StoreSettings.isPostgreSql(s.url()) : s.clustered();
        return new StoreSettings(s.url(), s.username(), password, clustered);
    }

    /**
     * A whole number of a section, when given, within its range: a port of 99999 or a lease of -1 s passed validation and
     * failed every delivery, or made every delivery's lease run out at once.
     */
    private void inRange(String section, String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            problems.add(String.format(Locale.ROOT, "%s, field '%s': %d is not between %,d and %,d", section, field, value, min, max));
        }
    }

    private RunnerSettings runner(ScheduleFileModel.Runner r) {
        RunnerSettings d = RunnerSettings.DEFAULT;
        if (r == null) {
            return d;
        }
        int threads = r.threads() == null ? d.threads() : r.threads();
        inRange("runner", "threads", r.threads(), 1, 64);
        inRange("runner", "leaseSeconds", r.leaseSeconds(), 1, 86_400);
        inRange("runner", "heartbeatSeconds", r.heartbeatSeconds(), 1, 86_400);
        inRange("runner", "misfireThresholdSeconds", r.misfireThresholdSeconds(), 1, 86_400);
        inRange("runner", "clusterCheckinMillis", r.clusterCheckinMillis(), 100, 3_600_000);
        Duration lease = r.leaseSeconds() == null ? d.lease() : Duration.ofSeconds(r.leaseSeconds());
        Duration heartbeat = r.heartbeatSeconds() == null ? d.heartbeat() : Duration.ofSeconds(r.heartbeatSeconds());
        if (heartbeat.compareTo(lease) >= 0) {
            problems.add("runner, field 'heartbeatSeconds': must be shorter than leaseSeconds");
        }
        Duration misfire = r.misfireThresholdSeconds() == null ? d.misfireThreshold() : Duration.ofSeconds(r.misfireThresholdSeconds());
        Duration checkin = r.clusterCheckinMillis() == null ? d.clusterCheckin() : Duration.ofMillis(r.clusterCheckinMillis());
        return new RunnerSettings(threads, lease, heartbeat, misfire, checkin);
    }
}
