package dev.kpikit.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.io.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kpikit.data.IsoDates;
import dev.kpikit.kpi.JsonProblems;
import dev.kpikit.runner.engine.OutputFormat;
import dev.kpikit.runner.engine.ReportFailedException;
import dev.kpikit.server.auth.LoginThrottle;
import dev.kpikit.server.auth.Role;
import dev.kpikit.server.auth.Sessions;
import dev.kpikit.server.auth.Sessions.Session;
import dev.kpikit.server.auth.UsersFile.User;
import dev.kpikit.server.reports.KeyAccounts;
import dev.kpikit.server.reports.RenderPool;
import dev.kpikit.server.reports.RenderPool.Output;
import dev.kpikit.server.reports.ReportFolder;
import dev.kpikit.server.reports.ReportParameter;
import dev.kpikit.server.schedules.ScheduleDesk;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The web interface: routes, login and sessions, CSRF, roles, security headers, and the pages.
 * Everything but /health needs a session or HTTP basic auth.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("kpikit.audit");
    static final String SESSION_COOKIE = "kpikit_session";
    static final String LANG_COOKIE = "kpikit_lang";
    /** Query and form fields that are not report parameters. */
    private static final Set<String> RESERVED = Set.of("format", "csrf", "lang", "locale");
    static final String DATA_FOLDER = "dataFolder";
    private static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
    /** The rendered report in its frame: BIRT's inline styles, its images, no script at all. */
    private static final String REPORT_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
            + "font-src 'self' data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    public record Settings(String host, int port, Path usersFile, Duration sessionIdle, int loginAttempts,
            Duration loginWindow) {
    }

    private final Settings settings;
    private final ReportFolder folder;
    private final RenderPool pool;
    private final ScheduleDesk desk;
    private final Users users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    /** The Key accounts page and workbook, with the last folder they scored. */
    private final KeyAccounts keyAccounts = new KeyAccounts();
    private final Instant started = Instant.now();
    private Javalin app;

    /** A render started from the Reports page, owned by the user who started it. */
    record Job(String id, String user, String report, Map<String, String> parameters, Locale locale, Future<Output> result,
            Instant started) {
    }

    public WebServer(Settings settings, ReportFolder folder, RenderPool pool, ScheduleDesk desk) throws IOException {
        this.settings = settings;
        this.folder = folder;
        this.pool = pool;
        this.desk = desk;
        this.users = new Users(settings.usersFile());
        this.sessions = new Sessions(settings.sessionIdle(), Clock.systemUTC());
        this.throttle = new LoginThrottle(settings.loginAttempts(), settings.loginWindow(), Clock.systemUTC());
    }

    public WebServer start() {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.http.maxRequestSize = 64 * 1024;
            config.router.ignoreTrailingSlashes = true;
            var r = config.routes;
            r.before(this::guard);
            getAndHead(r, "/health", ctx -> ctx.contentType("text/plain").result("UP"));
            getAndHead(r, "/health/live", ctx -> ctx.contentType("text/plain").result("UP"));
            getAndHead(r, "/health/ready", this::ready);
            getAndHead(r, "/static/{file}", this::staticFile);
            getAndHead(r, "/login", ctx -> login(ctx, null, 200));
            r.post("/login", this::doLogin);
            r.post("/logout", this::logout);
            getAndHead(r, "/lang/{tag}", this::switchLanguage);
            getAndHead(r, "/", ctx -> ctx.redirect("/reports", HttpStatus.FOUND));
            getAndHead(r, "/reports", this::reports);
            getAndHead(r, "/reports/{name}", this::reportForm);
            getAndHead(r, "/reports/{name}/thumbnail", this::thumbnail);
            getAndHead(r, "/reports/{name}/run", this::run);
            r.post("/reports/{name}/jobs", this::startJob);
            getAndHead(r, "/jobs/{id}", this::job);
            r.post("/jobs/{id}/cancel", this::cancelJob);
            getAndHead(r, "/jobs/{id}/report.html", this::jobHtml);
            getAndHead(r, "/jobs/{id}/images/{file}", this::jobImage);
            getAndHead(r, "/jobs/{id}/pages/{page}", this::jobPage);
            getAndHead(r, "/jobs/{id}/pages/{page}/images/{file}", this::jobImage);
            getAndHead(r, "/accounts", this::accounts);
            getAndHead(r, "/accounts/workbook", this::workbook);
            getAndHead(r, "/schedules", this::schedules);
            r.post("/schedules/{id}/pause", ctx -> scheduleAction(ctx, "pause"));
            r.post("/schedules/{id}/resume", ctx -> scheduleAction(ctx, "resume"));
            r.post("/schedules/{id}/run", ctx -> scheduleAction(ctx, "run"));
            getAndHead(r, "/deliveries", this::deliveries);
            r.post("/deliveries/retry", this::retry);
            getAndHead(r, "/deliveries/pdf", this::deliveryPdf);
            getAndHead(r, "/metrics", this::metrics);
            r.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().startsWith("Endpoint ")) {
                    ctx.contentType("text/plain; charset=utf-8").result("Not found");
                }
            });
            // a report design under the reports root that is none (cut off, not XML): said as the command line says it
            r.exception(ReportFailedException.class, (e, ctx) ->
                    ctx.status(400).contentType("text/plain; charset=utf-8").result(confinedMessage(e)));
            // a root gone while the server runs (a share unmounted, a folder moved): said, and tried again later
            r.exception(java.nio.file.NoSuchFileException.class, (e, ctx) -> {
                String root = Path.of(e.getFile()).equals(folder.dataRoot()) ? "data" : Path.of(e.getFile()).equals(folder.reportsRoot())
                        ? "reports" : null;
                if (root == null) {
                    failed(e, ctx);
                    return;
                }
                LOG.warn("{} {}: the {} folder {} is not there", ctx.method(), ctx.path(), root, e.getFile());
                ctx.header("Retry-After", "60");
                ctx.status(503).contentType("text/plain; charset=utf-8").result("the " + root + " folder of this server is not"
                        + " there now (a share not mounted, a folder moved?); try again when it is back");
            });
            r.exception(Exception.class, WebServer::failed);
        });
        app.start();
        LOG.info("kpikit server on http://{}:{}/", settings.host(), app.port());
        return this;
    }

    private static void failed(Exception e, Context ctx) {
        LOG.error("{} {}: {}", ctx.method(), ctx.path(), e.toString(), e);
        ctx.status(500).contentType("text/plain; charset=utf-8").result("The server failed; its log says why.");
    }

    /**
     * A GET route, and HEAD on it answered as GET would be (status and headers, Jetty sends no body): Javalin alone
     * answers HEAD with 200 without running the GET handler, so a script's HEAD saw 200 for a report that is not there.
     */
    private static void getAndHead(io.javalin.config.RoutesConfig r, String path, io.javalin.http.Handler handler) {
        r.get(path, handler);
        r.head(path, handler);
    }

    public int port() {
        return app.port();
    }

    // --- who is asking ----------------------------------------------------------------------

    /** The user of a request: from the session cookie or HTTP basic auth. */
    record Caller(String user, Role role, Session session) {
        String csrf() {
            return session == null ? null : session.csrf();
        }
    }

    private void guard(Context ctx) {
        securityHeaders(ctx);
        String path = ctx.path();
        if (path.equals("/health") || path.startsWith("/health/") || path.startsWith("/static/") || path.equals("/login")) {
            return;
        }
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            Optional<Credentials> credentials = Credentials.of(authorization.substring(6).trim());
            Duration wait = credentials.map(c -> throttle.wait(c.name(), ctx.ip())).orElse(Duration.ZERO);
            if (!wait.isZero()) { // the right password too: told to wait, not that it is wrong
                ctx.header("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
                ctx.status(429).contentType("text/plain; charset=utf-8")
                        .result(page(ctx, "login", "").t("login.throttled", Math.max(1, (wait.toSeconds() + 59) / 60)));
                ctx.skipRemainingHandlers();
                return;
            }
            Optional<Caller> caller = credentials.flatMap(c -> basic(ctx, c));
            if (caller.isEmpty()) {
                ctx.header("WWW-Authenticate", "Basic realm=\"kpikit\", charset=\"UTF-8\"");
                ctx.status(401).contentType("text/plain").result("wrong user name or password");
                ctx.skipRemainingHandlers();
                return;
            }
            ctx.attribute("caller", caller.get());
            return;
        }
        Optional<Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        Optional<User> user = session.flatMap(s -> users.find(s.user()));
        if (session.isEmpty() || user.isEmpty()) {
            session.ifPresent(s -> sessions.close(s.id()));
            if (ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD")) {
                String next = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
                ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8), HttpStatus.FOUND);
            } else {
                ctx.status(401).contentType("text/plain").result("log in first");
            }
            ctx.skipRemainingHandlers();
            return;
        }
        // the role as the users file has it now: a demoted user loses the right at once
        ctx.attribute("caller", new Caller(user.get().name(), user.get().role(), session.get()));
        if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
            String token = ctx.formParam("csrf");
            if (!Sessions.sameToken(session.get().csrf(), token)) {
                AUDIT.warn("{} user={} refused {} {}: no valid CSRF token", Instant.now(), user.get().name(), ctx.method(), path);
                ctx.status(403).contentType("text/plain").result("refused: the form is out of date or not from this site (CSRF check); reload the page");
                ctx.skipRemainingHandlers();
            }
        }
    }

    /** The user name and password of an HTTP basic Authorization header; empty when it is not one. */
    private record Credentials(String name, String password) {
        static Optional<Credentials> of(String encoded) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        }
    }

    private Optional<Caller> basic(Context ctx, Credentials credentials) {
        Optional<User> user = users.authenticateBasic(credentials.name(), credentials.password());
        if (user.isEmpty()) {
            throttle.failed(credentials.name(), ctx.ip());
        }
        return user.map(u -> new Caller(u.name(), u.role(), null));
    }

    private static Caller caller(Context ctx) {
        return ctx.attribute("caller");
    }

    /** False (and a 403 page) when the caller's role is below {@code needed}. */
    private boolean allowed(Context ctx, Role needed) {
        Caller caller = caller(ctx);
        if (caller.role().includes(needed)) {
            return true;
        }
        AUDIT.warn("{} user={} refused {} {}: needs role {}", Instant.now(), caller.user(), ctx.method(), ctx.path(), needed.label());
        Page page = page(ctx, "error", "");
        ctx.status(403);
        render(ctx, "message.jte", page, page.t("error.forbidden", needed.label()));
        return false;
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", PAGE_CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }

    // --- pages ------------------------------------------------------------------------------

    private Locale locale(Context ctx) {
        return I18n.choose(ctx.cookie(LANG_COOKIE), ctx.header("Accept-Language"));
    }

    private Page page(Context ctx, String active, String title) {
        Caller caller = ctx.attribute("caller");
        Locale locale = locale(ctx);
        return new Page(title, active, caller == null ? null : caller.user(), caller == null ? null : caller.role().label(),
                caller == null ? null : caller.csrf(), locale, I18n.bundle(locale), ctx.queryParam("notice"),
                null, ctx.path());
    }

    private Page withError(Page page, String error) {
        return new Page(page.title(), page.active(), page.user(), page.role(), page.csrf(), page.locale(), page.bundle(),
                page.notice(), error, page.path());
    }

    private void render(Context ctx, String template, Page page, Object model) {
        StringOutput out = new StringOutput();
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        params.put("model", model);
        templates.render(template, params, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    private void staticFile(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        String type = file.endsWith(".css") ? "text/css" : file.endsWith(".js") ? "text/javascript" : null;
        InputStream in = type == null || !file.matches("[a-z-]+\\.(css|js)") ? null
                : WebServer.class.getResourceAsStream("/dev/kpikit/server/static/" + file);
        if (in == null) {
            ctx.status(404).result("Not found");
            return;
        }
        try (in) {
            ctx.header("Cache-Control", "max-age=3600");
            ctx.contentType(type + "; charset=utf-8").result(in.readAllBytes());
        }
    }

    private void ready(Context ctx) {
        ctx.contentType("text/plain");
        if (pool.engine() == null) {
            ctx.status(503).result("STARTING");
        } else {
            ctx.result("UP");
        }
    }

    private void login(Context ctx, String error, int status) {
        Page page = page(ctx, "login", "");
        ctx.status(status);
        render(ctx, "login.jte", error == null ? page : withError(page, error), safeNext(ctx.queryParam("next")));
    }

    private void doLogin(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = safeNext(Optional.ofNullable(ctx.formParam("next")).orElse(ctx.queryParam("next")));
        Page page = page(ctx, "login", "");
        Duration wait = throttle.wait(name, ctx.ip());
        if (!wait.isZero()) {
            AUDIT.warn("{} user={} login refused from {}: too many failed attempts", Instant.now(), name, ctx.ip());
            ctx.header("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
            ctx.status(429);
            render(ctx, "login.jte", withError(page, page.t("login.throttled", Math.max(1, (wait.toSeconds() + 59) / 60))), next);
            return;
        }
        Optional<User> user = users.authenticate(name, password);
        if (user.isEmpty()) {
            throttle.failed(name, ctx.ip());
            AUDIT.warn("{} user={} login failed from {}", Instant.now(), name, ctx.ip());
            ctx.status(401);
            render(ctx, "login.jte", withError(page, page.t("login.failed")), next);
            return;
        }
        throttle.succeeded(name);
        sessions.close(ctx.cookie(SESSION_COOKIE));  // never keep a session id from before the login
        Session session = sessions.open(user.get().name(), user.get().role());
        ctx.header("Set-Cookie", SESSION_COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict"
                + ("https".equals(ctx.scheme()) ? "; Secure" : ""));
        AUDIT.info("{} user={} logged in from {}", Instant.now(), name, ctx.ip());
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    /** Only a path of this site: never another host (an open redirect). */
    private static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith("/login")) {
            return "/reports";
        }
        return next;
    }

    private void logout(Context ctx) {
        Caller caller = caller(ctx);
        if (caller.session() != null) {
            sessions.close(caller.session().id());
        }
        ctx.header("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        AUDIT.info("{} user={} logged out", Instant.now(), caller.user());
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void switchLanguage(Context ctx) {
        Locale locale = I18n.known(ctx.pathParam("tag"));
        if (locale != null) {
            ctx.header("Set-Cookie", LANG_COOKIE + "=" + locale.getLanguage() + "; Path=/; Max-Age=31536000; SameSite=Lax");
        }
        ctx.redirect(safeNext(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
    }

    // --- reports ----------------------------------------------------------------------------

    private void reports(Context ctx) throws IOException {
        Page page = page(ctx, "reports", "");
        render(ctx, "reports.jte", page, folder.reports());
    }

    private void thumbnail(Context ctx) throws IOException {
        Optional<Path> png = folder.thumbnail(ctx.pathParam("name"));
        if (png.isEmpty()) {
            notFound(ctx);
            return;
        }
        ctx.header("Cache-Control", "max-age=3600");
        ctx.contentType("image/png").result(Files.readAllBytes(png.get()));
    }

    public record ReportForm(String name, String title, String description, List<ReportParameter> parameters,
            List<String> dataFolders, Map<String, String> values) {
        public String value(String parameter) {
            return values.getOrDefault(parameter, "");
        }

        public boolean isDataFolder(ReportParameter parameter) {
            return parameter.name().equals(DATA_FOLDER);
        }
    }

    private void reportForm(Context ctx) throws Exception {
        Optional<Path> design = folder.report(ctx.pathParam("name"));
        if (design.isEmpty()) {
            notFound(ctx);
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        showForm(ctx, ctx.pathParam("name"), design.get(), values, null, 200);
    }

    private void showForm(Context ctx, String name, Path design, Map<String, String> values, String error, int status)
            throws Exception {
        Page page = page(ctx, "reports", "");
        String title = folder.reports().stream().filter(r -> r.name().equals(name)).findFirst()
                .map(ReportFolder.ReportEntry::title).orElse(name);
        String description = folder.reports().stream().filter(r -> r.name().equals(name)).findFirst()
                .map(ReportFolder.ReportEntry::description).orElse("");
        List<ReportParameter> parameters = ReportParameter.of(pool.engine().birt(), design.toString(), page.locale());
        ctx.status(status);
        render(ctx, "report.jte", error == null ? page : withError(page, error),
                new ReportForm(name, title, description, parameters, folder.dataFolders(), values));
    }

    /** The report parameters of a request, with the data folder confined to the data root. */
    private Map<String, String> reportParameters(Map<String, List<String>> given, Path design, Locale locale)
            throws BadRequest, Exception {
        List<ReportParameter> declared = ReportParameter.of(pool.engine().birt(), design.toString(), locale);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (var entry : given.entrySet()) {
            // one value each: a second one (a script's query built in two places) was dropped unseen
            List<String> values = entry.getValue().stream().map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
            if (values.size() > 1) {
                throw new BadRequest(400, "parameter '" + entry.getKey() + "' is given " + values.size() + " times, as "
                        + values.stream().map(v -> "'" + JsonProblems.cut(v) + "'").collect(java.util.stream.Collectors.joining(" and "))
                        + "; give it once");
            }
            if (RESERVED.contains(entry.getKey()) || entry.getValue().isEmpty()) {
                continue;
            }
            String value = entry.getValue().get(0);
            if (value == null || value.isBlank()) {
                continue;  // blank: the design's default
            }
            if (entry.getKey().equals(DATA_FOLDER)) {
                Optional<Path> data = folder.dataFolder(value.trim());
                if (data.isEmpty()) {
                    throw new BadRequest(404, "no data folder '" + value + "' under the data folder; the folders are "
                            + folder.dataFolders());
                }
                value = data.get().toString();
            }
            parameters.put(entry.getKey(), value.trim());
        }
        for (ReportParameter parameter : declared) {
            if (parameter.required() && parameter.defaultValue().isBlank() && !parameters.containsKey(parameter.name())) {
                throw new BadRequest(400, "parameter '" + parameter.name() + "' is required");
            }
        }
        return parameters;
    }

    /** A refusal with its HTTP status and the message the user sees. */
    static final class BadRequest extends Exception {
        final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** The CLI's message for a failed render, with the server's path of the design replaced by the report's name. */
    private String message(Throwable failure, Path design, String name) {
        Throwable cause = failure instanceof ExecutionException e && e.getCause() != null ? e.getCause() : failure;
        String text = cause instanceof ReportFailedException || cause instanceof IllegalArgumentException
                ? cause.getMessage() : "the render failed; the server log says why";
        if (!(cause instanceof ReportFailedException) && !(cause instanceof IllegalArgumentException)) {
            LOG.error("{}: render failed", name, cause);
        }
        return text.replace(design.toString(), name).replace(folder.dataRoot().toString(), "data")
                .replace(folder.reportsRoot().toString(), "reports");
    }

    /** The scripts' contract: GET /reports/{name}/run?format=pdf|xlsx|html&{parameter}={value}... */
    private void run(Context ctx) throws Exception {
        String name = ctx.pathParam("name");
        Optional<Path> design = folder.report(name);
        if (design.isEmpty()) {
            notFound(ctx);
            return;
        }
        OutputFormat format;
        try {
            format = OutputFormat.parse(Optional.ofNullable(ctx.queryParam("format")).orElse("pdf"));
        } catch (IllegalArgumentException e) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result(e.getMessage());
            return;
        }
        Locale locale = Optional.ofNullable(I18n.known(ctx.queryParam("locale"))).orElse(locale(ctx));
        Map<String, String> parameters;
        try {
            parameters = reportParameters(ctx.queryParamMap(), design.get(), locale);
        } catch (BadRequest e) {
            ctx.status(e.status).contentType("text/plain; charset=utf-8").result(name + ": " + e.getMessage());
            return;
        }
        Future<Output> future;
        try {
            future = pool.submit(design.get(), parameters, List.of(format), locale);
        } catch (RejectedExecutionException e) {
            busy(ctx);
            return;
        }
        Output output;
        try {
            output = future.get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result(message(e, design.get(), name));
            return;
        } catch (TimeoutException e) {
            future.cancel(true);
            ctx.status(504).contentType("text/plain").result(name + ": the render took longer than 10 minutes");
            return;
        }
        boolean sending = false;
        try {
            Path file = output.file(format);
            ctx.contentType(switch (format) {
                case PDF -> "application/pdf";
                case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                case HTML -> "text/html; charset=utf-8";
            });
            if (format == OutputFormat.HTML) {
                ctx.header("Content-Security-Policy", REPORT_CSP);  // a report alone: no images (they are not kept)
            } else {
                ctx.header("Content-Disposition", "attachment; filename=\"" + name + "." + format.extension() + "\"");
            }
            // streamed from the render's file, not read into the heap: the render's folder goes when the response is sent
            ctx.result(new java.io.FilterInputStream(Files.newInputStream(file)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        FileUtils.deleteQuietly(output.folder().toFile());
                    }
                }
            });
            sending = true;
            AUDIT.info("{} user={} rendered {} as {} in {} ms", Instant.now(), caller(ctx).user(), name, format.extension(),
                    output.millis());
        } finally {
            if (!sending) {
                FileUtils.deleteQuietly(output.folder().toFile());
            }
        }
    }

    private void busy(Context ctx) {
        ctx.header("Retry-After", "10");
        ctx.status(503).contentType("text/plain").result("busy: " + pool.queued() + " renders are waiting; try again shortly");
    }

    private void startJob(Context ctx) throws Exception {
        String name = ctx.pathParam("name");
        Optional<Path> design = folder.report(name);
        if (design.isEmpty()) {
            notFound(ctx);
            return;
        }
        Locale locale = locale(ctx);
        Map<String, String> given = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, v) -> {
            if (!RESERVED.contains(k) && !v.isEmpty()) {
                given.put(k, v.get(0));
            }
        });
        Map<String, String> parameters;
        try {
            parameters = reportParameters(ctx.formParamMap(), design.get(), locale);
        } catch (BadRequest e) {
            showForm(ctx, name, design.get(), given, e.getMessage(), 400);
            return;
        }
        Future<Output> future;
        try {
            future = pool.submit(design.get(), parameters, List.of(OutputFormat.HTML), locale);
        } catch (RejectedExecutionException e) {
            busy(ctx);
            return;
        }
        forgetOldJobs();
        Job job = new Job(newJobId(), caller(ctx).user(), name, given, locale, future, Instant.now());
        jobs.put(job.id(), job);
        AUDIT.info("{} user={} started {} {}", Instant.now(), job.user(), name, given);
        try {
            future.get(1, TimeUnit.SECONDS);  // a quick render shows at once, a slow one shows its progress
        } catch (TimeoutException | ExecutionException e) {
            // the job page tells
        }
        ctx.redirect("/jobs/" + job.id(), HttpStatus.SEE_OTHER);
    }

    private static String newJobId() {
        return java.util.UUID.randomUUID().toString();
    }

    private void forgetOldJobs() {
        Instant limit = Instant.now().minus(Duration.ofHours(1));
        jobs.values().removeIf(job -> {
            if (job.started().isAfter(limit)) {
                return false;
            }
            discard(job);
            return true;
        });
    }

    private static void discard(Job job) {
        if (!job.result().cancel(true) && !job.result().isCancelled()) {
            try {
                FileUtils.deleteQuietly(job.result().get().folder().toFile());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // nothing was kept
            }
        }
    }

    private Optional<Job> ownJob(Context ctx) {
        Job job = jobs.get(ctx.pathParam("id"));
        return job != null && job.user().equals(caller(ctx).user()) ? Optional.of(job) : Optional.empty();
    }

    public record JobView(String id, String report, String state, long seconds, int queued, String error,
            List<RenderPool.Bookmark> bookmarks, long pages, String query, long page, String anchor) {
        public boolean running() {
            return state.equals("running");
        }

        /** Pages one by one; the whole document when it has more than the viewer shows. */
        public boolean paged() {
            return pages > 0 && pages <= RenderPool.MAX_PAGES;
        }

        public String frame() {
            return (paged() ? "/jobs/" + id + "/pages/" + page : "/jobs/" + id + "/report.html")
                    + (anchor.isEmpty() ? "" : "#" + anchor);
        }
    }

    private void job(Context ctx) {
        Optional<Job> found = ownJob(ctx);
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        Job job = found.get();
        Page page = page(ctx, "reports", "");
        String query = query(job.parameters(), job.locale());
        long seconds = Duration.between(job.started(), Instant.now()).toSeconds();
        JobView view;
        if (job.result().isCancelled()) {
            view = new JobView(job.id(), job.report(), "cancelled", seconds, 0, null, List.of(), 0, query, 0, "");
        } else if (!job.result().isDone()) {
            view = new JobView(job.id(), job.report(), "running", seconds, pool.queued(), null, List.of(), 0, query, 0, "");
        } else {
            try {
                Output output = job.result().get();
                long shown = 1;
                try {
                    shown = Math.min(Math.max(1, Long.parseLong(Optional.ofNullable(ctx.queryParam("page")).orElse("1"))),
                            Math.max(1, output.pages()));
                } catch (NumberFormatException e) {
                    // page 1
                }
                view = new JobView(job.id(), job.report(), "done", output.millis() / 1000, 0, null, output.bookmarks(),
                        output.pages(), query, shown, Optional.ofNullable(ctx.queryParam("at"))
                                .filter(at -> at.matches("[A-Za-z0-9_-]{1,200}")).orElse(""));
            } catch (ExecutionException | InterruptedException e) {
                view = new JobView(job.id(), job.report(), "failed", seconds, 0,
                        message(e, folder.report(job.report()).orElse(Path.of(job.report())), job.report()), List.of(), 0, query, 0, "");
            }
        }
        render(ctx, "job.jte", page, view);
    }

    private static String query(Map<String, String> parameters, Locale locale) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((k, v) -> query.append('&').append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        query.append("&locale=").append(locale.getLanguage());
        return query.toString();
    }

    private void cancelJob(Context ctx) {
        Optional<Job> job = ownJob(ctx);
        if (job.isEmpty()) {
            notFound(ctx);
            return;
        }
        job.get().result().cancel(true);
        AUDIT.info("{} user={} cancelled {}", Instant.now(), caller(ctx).user(), job.get().report());
        ctx.redirect("/reports/" + job.get().report(), HttpStatus.SEE_OTHER);
    }

    private Optional<Output> jobOutput(Context ctx) {
        Optional<Job> job = ownJob(ctx);
        if (job.isEmpty() || !job.get().result().isDone() || job.get().result().isCancelled()) {
            return Optional.empty();
        }
        try {
            return Optional.of(job.get().result().get());
        } catch (ExecutionException | InterruptedException e) {
            return Optional.empty();
        }
    }

    private void jobHtml(Context ctx) throws IOException {
        Optional<Output> output = jobOutput(ctx);
        if (output.isEmpty()) {
            notFound(ctx);
            return;
        }
        ctx.header("Content-Security-Policy", REPORT_CSP);
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        // BIRT's HTML emitter links its images as file: URLs of the render folder: serve them beside the page instead
        String html = Files.readString(output.get().file(OutputFormat.HTML))
                .replace("file:" + output.get().folder().resolve("images") + "/", "images/");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    private void jobImage(Context ctx) throws IOException {
        Optional<Output> output = jobOutput(ctx);
        String file = ctx.pathParam("file");
        Long page = pageNumber(ctx, output);
        Path images = output.map(o -> page == null ? o.folder().resolve("images")
                : RenderPool.pageFile(o.folder(), page).getParent().resolve("images")).orElse(null);
        Path image = images == null || !file.matches("[A-Za-z0-9_.-]+") || file.startsWith(".") ? null : images.resolve(file);
        if (image == null || !Files.isRegularFile(image) || !image.normalize().getParent().equals(images)) {
            notFound(ctx);
            return;
        }
        byte[] bytes = Files.readAllBytes(image);
        ctx.header("Content-Security-Policy", "default-src 'none'");
        ctx.contentType(imageType(bytes)).result(bytes);
    }

    /** The {page} of the path, when it is a page of the render; null without one or for a page it does not have. */
    private static Long pageNumber(Context ctx, Optional<Output> output) {
        String text = ctx.pathParamMap().get("page");
        if (text == null || output.isEmpty() || !text.matches("[1-9][0-9]{0,5}")) {
            return null;
        }
        long page = Long.parseLong(text);
        return page <= output.get().pages() && page <= RenderPool.MAX_PAGES ? page : null;
    }

    private void jobPage(Context ctx) throws IOException {
        Optional<Output> output = jobOutput(ctx);
        Long page = pageNumber(ctx, output);
        if (page == null || !Files.isRegularFile(RenderPool.pageFile(output.get().folder(), page))) {
            notFound(ctx);
            return;
        }
        Path file = RenderPool.pageFile(output.get().folder(), page);
        ctx.header("Content-Security-Policy", REPORT_CSP);
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        // a page's charts are in its own folder; the design's embedded images BIRT writes once, for the whole render
        String html = Files.readString(file).replace("file:" + file.getParent().resolve("images") + "/",
                "/jobs/" + ctx.pathParam("id") + "/pages/" + page + "/images/")
                .replace("file:" + output.get().folder().resolve("images") + "/", "/jobs/" + ctx.pathParam("id") + "/images/");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    /** The chart and image files of a render have no extension: their type from their first bytes (never served as HTML). */
    static String imageType(byte[] bytes) {
        if (bytes.length > 4 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "image/png";
        }
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8) {
            return "image/jpeg";
        }
        if (bytes.length > 4 && bytes[0] == 'G' && bytes[1] == 'I' && bytes[2] == 'F') {
            return "image/gif";
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
        if (start.contains("<svg") || start.startsWith("<?xml")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }

    private void notFound(Context ctx) {
        ctx.status(404).contentType("text/plain; charset=utf-8").result("Not found");
    }

    // --- key accounts ---------------------------------------------------------------------------

    /**
     * @param decimalSeparator as asked: empty (decided from each file), {@code point} or {@code comma}
     * @param find             the text sought in the accounts' ids and names (empty: all); the workbook's link leaves it out
     */
    public record AccountsView(List<String> folders, String folder, String asOf, String period, String decimalSeparator,
            String find, KeyAccounts.Table table) {

        /** The choices of the decimal separator, as the page's select offers them: automatic, point, comma. */
        public static final List<String> DECIMAL_SEPARATORS = List.of("", "point", "comma");

        public String query() {
            return "data=" + URLEncoder.encode(folder, StandardCharsets.UTF_8) + "&asOf=" + URLEncoder.encode(asOf, StandardCharsets.UTF_8)
                    + "&period=" + URLEncoder.encode(period, StandardCharsets.UTF_8)
                    + (decimalSeparator.isEmpty() ? "" : "&decimalSeparator=" + URLEncoder.encode(decimalSeparator, StandardCharsets.UTF_8));
        }
    }

    /** The decimal separator a page or link asks for, read as the CLI's --decimal-separator is; null: from each file. */
    private static Character decimalSeparator(String asked) {
        return dev.kpikit.data.CsvReading.decimalSeparator(asked, "decimalSeparator");
    }

    private void accounts(Context ctx) throws Exception {
        Page page = page(ctx, "accounts", "");
        List<String> folders = folder.dataFolders();
        String name = Optional.ofNullable(ctx.queryParam("data")).orElse(folders.contains("startup") ? "startup"
                : folders.isEmpty() ? "" : folders.get(0));
        String asOf = Optional.ofNullable(ctx.queryParam("asOf")).orElse("").trim();
        String period = Optional.ofNullable(ctx.queryParam("period")).orElse("YEAR").trim();
        String separator = Optional.ofNullable(ctx.queryParam("decimalSeparator")).orElse("").strip();
        String find = Optional.ofNullable(ctx.queryParam("find")).orElse("").strip();
        Optional<Path> data = folder.dataFolder(name);
        KeyAccounts.Table table = null;
        String error = null;
        if (data.isEmpty()) {
            ctx.status(name.isEmpty() ? 200 : 404);
            error = name.isEmpty() ? null : "no data folder '" + name + "' under the data folder; the folders are " + folders;
        } else {
            try {
                // the one reading of an as-of date (IsoDates), as the CLI's --as-of and report parameters read it
                Character decimal = decimalSeparator(separator);
                separator = decimal == null ? "" : decimal == '.' ? "point" : "comma"; // '.' in a link: the select shows point
                table = keyAccounts.score(data.get(), name, asOf.isEmpty() ? null : IsoDates.parse(asOf, "asOf"), period,
                        decimal, find, page.locale());
            } catch (dev.kpikit.data.DataFormatException | IllegalArgumentException | IOException e) {
                error = confinedMessage(e);
            }
            if (error != null) {
                ctx.status(400);
            }
        }
        render(ctx, "accounts.jte", error == null ? page : withError(page, error),
                new AccountsView(folders, name, asOf, period, separator, find, table));
    }

    /** The name a scoring workbook's file starts with in the temporary folder while it is written and sent. */
    public static final String WORKBOOK_PREFIX = "kpikit-workbook-";

    private void workbook(Context ctx) throws Exception {
        String name = Optional.ofNullable(ctx.queryParam("data")).orElse("");
        Optional<Path> data = folder.dataFolder(name);
        if (data.isEmpty()) {
            notFound(ctx);
            return;
        }
        String asOf = Optional.ofNullable(ctx.queryParam("asOf")).orElse("").trim();
        // written whole to a file first, then streamed from it: a failure is a clear 400, never half a workbook, and a
        // large folder's workbook (tens of MB) is not held in the heap; the file goes when the response has read it
        Path file = Files.createTempFile(WORKBOOK_PREFIX, ".xlsx");
        try {
            try (java.io.OutputStream out = Files.newOutputStream(file)) {
                keyAccounts.workbook(data.get(), name, asOf.isEmpty() ? null : IsoDates.parse(asOf, "asOf"), ctx.queryParam("period"),
                        decimalSeparator(ctx.queryParam("decimalSeparator")), locale(ctx), out);
            }
        } catch (dev.kpikit.data.DataFormatException | dev.kpikit.kpi.KpiCatalogException | IllegalArgumentException | IOException e) {
            Files.deleteIfExists(file);
            ctx.status(400).contentType("text/plain; charset=utf-8").result(confinedMessage(e));
            return;
        } catch (RuntimeException | Error e) {
            Files.deleteIfExists(file);
            throw e;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "-scoring.xlsx\"");
        ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .result(Files.newInputStream(file, java.nio.file.StandardOpenOption.DELETE_ON_CLOSE));
        AUDIT.info("{} user={} downloaded the scoring workbook of {}", Instant.now(), caller(ctx).user(), name);
    }

    /** A refusal's message with the server's folders shown as the roots' names. */
    private String confinedMessage(Exception e) {
        String text = e instanceof java.nio.file.NoSuchFileException missing ? missing.getFile() + ": no such file" : e.getMessage();
        return String.valueOf(text).replace(folder.dataRoot().toString(), "data").replace(folder.reportsRoot().toString(), "reports");
    }

    // --- schedules and deliveries -------------------------------------------------------------

    public record SchedulesView(boolean configured, String configErrors, List<ScheduleDesk.ScheduleRow> rows) {
    }

    private void schedules(Context ctx) throws Exception {
        Page page = page(ctx, "schedules", "");
        render(ctx, "schedules.jte", page, new SchedulesView(desk.configured(), desk.configErrors(), desk.schedules()));
    }

    private void scheduleAction(Context ctx, String action) throws Exception {
        if (!allowed(ctx, Role.OPERATOR)) {
            return;
        }
        String id = ctx.pathParam("id");
        boolean done = switch (action) {
            case "pause" -> desk.setPaused(id, true);
            case "resume" -> desk.setPaused(id, false);
            default -> desk.runNow(id);
        };
        if (!done) {
            notFound(ctx);
            return;
        }
        AUDIT.info("{} user={} {} schedule {}", Instant.now(), caller(ctx).user(), action, id);
        ctx.redirect("/schedules?notice=" + URLEncoder.encode(action + ":" + id, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    public record DeliveriesView(List<ScheduleDesk.DeliveryRow> rows, List<String> scheduleIds, String schedule, String state,
            String from, String to, String filterError) {
    }

    private void deliveries(Context ctx) throws Exception {
        Page page = page(ctx, "deliveries", "");
        String schedule = Optional.ofNullable(ctx.queryParam("schedule")).orElse("");
        String state = Optional.ofNullable(ctx.queryParam("state")).orElse("");
        String from = Optional.ofNullable(ctx.queryParam("from")).orElse("");
        String to = Optional.ofNullable(ctx.queryParam("to")).orElse("");
        String error = null;
        LocalDate fromDate = null;
        LocalDate toDate = null;
        try {
            fromDate = from.isBlank() ? null : LocalDate.parse(from);
            toDate = to.isBlank() ? null : LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            error = page.t("deliveries.badDate", e.getParsedString());
        }
        render(ctx, "deliveries.jte", page, new DeliveriesView(desk.deliveries(schedule, state, fromDate, toDate, 500),
                desk.scheduleIds(), schedule, state, from, to, error));
    }

    private void deliveryPdf(Context ctx) throws Exception {
        long fire;
        try {
            fire = Long.parseLong(Optional.ofNullable(ctx.queryParam("fire")).orElse(""));
        } catch (NumberFormatException e) {
            notFound(ctx);
            return;
        }
        String schedule = ctx.queryParam("schedule");
        Optional<Path> pdf = desk.pdf(schedule, fire);
        if (pdf.isEmpty()) {
            notFound(ctx);
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + schedule + "-" + fire + ".pdf\"");
        ctx.contentType("application/pdf").result(Files.newInputStream(pdf.get())); // streamed, not read into the heap
    }

    private void retry(Context ctx) throws Exception {
        if (!allowed(ctx, Role.OPERATOR)) {
            return;
        }
        String schedule = ctx.formParam("schedule");
        long fire;
        try {
            fire = Long.parseLong(Optional.ofNullable(ctx.formParam("fire")).orElse(""));
        } catch (NumberFormatException e) {
            notFound(ctx);
            return;
        }
        if (!desk.retry(schedule, fire)) {
            notFound(ctx);
            return;
        }
        AUDIT.info("{} user={} retry of schedule {} fired {}", Instant.now(), caller(ctx).user(), schedule, Instant.ofEpochMilli(fire));
        ctx.redirect("/deliveries?notice=" + URLEncoder.encode("retry:" + schedule, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    // --- operations ---------------------------------------------------------------------------

    private void metrics(Context ctx) throws Exception {
        StringBuilder m = new StringBuilder();
        m.append("# HELP kpikit_deliveries Deliveries in the store by state.\n# TYPE kpikit_deliveries gauge\n");
        desk.countByState().forEach((state, count) -> m.append("kpikit_deliveries{state=\"").append(state).append("\"} ")
                .append(count).append('\n'));
        m.append("# HELP kpikit_renders_total Renders finished by this server.\n# TYPE kpikit_renders_total counter\n")
                .append("kpikit_renders_total{outcome=\"ok\"} ").append(pool.rendered()).append('\n')
                .append("kpikit_renders_total{outcome=\"failed\"} ").append(pool.failed()).append('\n')
                .append("kpikit_renders_total{outcome=\"refused\"} ").append(pool.refused()).append('\n');
        m.append("# HELP kpikit_render_seconds Time of the renders that finished.\n# TYPE kpikit_render_seconds summary\n")
                .append("kpikit_render_seconds_sum ").append(pool.renderMillis() / 1000.0).append('\n')
                .append("kpikit_render_seconds_count ").append(pool.rendered()).append('\n');
        m.append("# HELP kpikit_render_queue_length Renders waiting for a thread.\n# TYPE kpikit_render_queue_length gauge\n")
                .append("kpikit_render_queue_length ").append(pool.queued()).append('\n');
        m.append("# HELP kpikit_renders_running Renders running now.\n# TYPE kpikit_renders_running gauge\n")
                .append("kpikit_renders_running ").append(pool.running()).append('\n');
        m.append("# HELP kpikit_sessions Logged-in sessions.\n# TYPE kpikit_sessions gauge\n")
                .append("kpikit_sessions ").append(sessions.count()).append('\n');
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        m.append("# HELP jvm_memory_used_bytes Memory used.\n# TYPE jvm_memory_used_bytes gauge\n")
                .append("jvm_memory_used_bytes{area=\"heap\"} ").append(heap.getUsed()).append('\n')
                .append("jvm_memory_used_bytes{area=\"nonheap\"} ").append(nonHeap.getUsed()).append('\n');
        m.append("# HELP jvm_memory_max_bytes Memory limit.\n# TYPE jvm_memory_max_bytes gauge\n")
                .append("jvm_memory_max_bytes{area=\"heap\"} ").append(heap.getMax()).append('\n');
        m.append("# HELP jvm_threads_live Live threads.\n# TYPE jvm_threads_live gauge\n")
                .append("jvm_threads_live ").append(ManagementFactory.getThreadMXBean().getThreadCount()).append('\n');
        m.append("# HELP process_uptime_seconds Seconds since the server started.\n# TYPE process_uptime_seconds gauge\n")
                .append("process_uptime_seconds ").append(Duration.between(started, Instant.now()).toSeconds()).append('\n');
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(m.toString());
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
        jobs.values().forEach(WebServer::discard);
        jobs.clear();
    }
}
