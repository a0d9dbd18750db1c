package dev.kpikit.runner.schedule;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.kpikit.runner.mail.MailTransport;

/**
 * A runner: Quartz on the JDBC job store, one durable job and one cron trigger (in the
 * schedule's time zone, so 8:00 stays 8:00 across daylight-saving changes) per enabled
 * schedule. Misfire policy: a fire missed during downtime is delivered once, as soon as the
 * runner is back, and logged as late ({@code withMisfireHandlingInstructionFireAndProceed}).
 * Jobs request recovery: the fire a runner was working on when it died is fired again, by
 * itself after a restart or by another runner of the cluster.
 */
public final class ScheduleRunner implements AutoCloseable {

    public static final String GROUP = "kpikit";
    /** The group of the one-shot triggers that fire a delivery's next SMTP attempt. */
    static final String ATTEMPTS = "kpikit-attempts";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);
    private static final AtomicInteger DATA_SOURCES = new AtomicInteger();

    private final Scheduler scheduler;
    private final StoreDatabase database;
    private final LeaseKeeper leases;
    private final DeliveryStore store;
    private final StrandedRows sweep;

    private ScheduleRunner(Scheduler scheduler, StoreDatabase database, LeaseKeeper leases, DeliveryStore store,
            StrandedRows sweep) {
        this.scheduler = scheduler;
        this.database = database;
        this.leases = leases;
        this.store = store;
        this.sweep = sweep;
    }

    /** Opens the store, brings its jobs in line with the schedules and starts firing. */
    public static ScheduleRunner start(Schedules schedules, StoreSettings storeSettings, ReportRenderer renderer,
            MailTransport transport, String from) throws SQLException, SchedulerException {
        RunnerSettings settings = schedules.runner();
        StoreDatabase database = StoreDatabase.open(storeSettings, settings.threads() + 4);
        Scheduler scheduler = null;
        try {
            String dataSource = "kpikit-store-" + DATA_SOURCES.incrementAndGet();
            DBConnectionManager.getInstance().addConnectionProvider(dataSource, new PoolProvider(database));
            scheduler = new StdSchedulerFactory(quartzProperties(database, settings, dataSource)).getScheduler();
            DeliveryStore store = new DeliveryStore(database.dataSource(), settings.lease(), Clock.systemUTC());
            LeaseKeeper leases = new LeaseKeeper(store, settings.heartbeat());
            DeliveryService service = new DeliveryService(() -> schedules, store, leases, renderer, transport, from,
                    scheduler.getSchedulerInstanceId(), Clock.systemUTC(), new QuartzNextAttempts(scheduler));
            scheduler.getContext().put(DeliveryJob.DELIVERY_SERVICE, service);
            scheduler.getContext().put(DeliveryJob.MISFIRE_THRESHOLD, settings.misfireThreshold());
            ScheduleRunner runner = new ScheduleRunner(scheduler, database, leases, store,
                    new StrandedRows(store, service, settings.lease(), scheduler));
            runner.sync(schedules);
            scheduler.start();
            LOG.info("runner {} started: {} schedule(s), store {}, mail {}", scheduler.getSchedulerInstanceId(),
                    schedules.enabled().size(), storeSettings, transport.describe());
            return runner;
        } catch (SchedulerException | RuntimeException e) {
            if (scheduler != null) {
                scheduler.shutdown(false);  // else Quartz's repository would hand this broken scheduler out again
            }
            database.close();
            throw e;
        }
    }

    static Properties quartzProperties(StoreDatabase database, RunnerSettings settings, String dataSource) {
        Properties p = new Properties();
        p.put("org.quartz.scheduler.instanceName", "kpikit");  // the same on every runner of a cluster
        // a single runner keeps Quartz's fixed id: after a restart it must find and recover its own fired triggers
        p.put("org.quartz.scheduler.instanceId", database.settings().clustered() ? instanceId() : "NON_CLUSTERED");
        p.put("org.quartz.scheduler.skipUpdateCheck", "true");
        p.put("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(settings.threads()));
        p.put("org.quartz.threadPool.threadCount", String.valueOf(settings.threads()));
        p.put("org.quartz.threadPool.threadNamePrefix", "kpikit-delivery");
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.put("org.quartz.jobStore.driverDelegateClass", database.quartzDelegate());
        p.put("org.quartz.jobStore.dataSource", dataSource);
        p.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.put("org.quartz.jobStore.useProperties", "true");
        p.put("org.quartz.jobStore.misfireThreshold", String.valueOf(settings.misfireThreshold().toMillis()));
        p.put("org.quartz.jobStore.isClustered", String.valueOf(database.settings().clustered()));
        p.put("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(settings.clusterCheckin().toMillis()));
        p.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // after the store dropped its connections (a restart), try again at the check-in pace, not Quartz's 15 s
        p.put("org.quartz.jobStore.dbRetryInterval", String.valueOf(Math.min(15_000, settings.clusterCheckin().toMillis())));
        return p;
    }

    /** host:pid:random, unique even for two runners started in the same millisecond (Quartz's AUTO is host + time). */
    static String instanceId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid() + ":" + java.util.UUID.randomUUID().toString().substring(0, 6);
    }

    /** Adds and updates the jobs of enabled schedules and removes the others. An unchanged trigger is kept as is (it remembers misfires). */
    void sync(Schedules schedules) throws SchedulerException {
        BusinessCalendarSync.store(scheduler, schedules);
        Set<JobKey> wanted = new HashSet<>();
        for (Schedule schedule : schedules.enabled()) {
            JobKey jobKey = JobKey.jobKey(schedule.id(), GROUP);
            TriggerKey triggerKey = TriggerKey.triggerKey(schedule.id(), GROUP);
            wanted.add(jobKey);
            Trigger existing = scheduler.getTrigger(triggerKey);
            if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(schedule.cron())
                    // as Quartz stores it: an offset's TimeZone id differs from its ZoneId ("GMT+01:00" for "+01:00"),
                    // and a trigger replaced at every start would lose the fires missed while no runner ran
                    && cron.getTimeZone().getID().equals(TimeZone.getTimeZone(schedule.timeZone()).getID())
                    && java.util.Objects.equals(cron.getCalendarName(), BusinessCalendarSync.calendarOf(schedule))
                    && scheduler.checkExists(jobKey)) {
                continue;
            }
            if (neverFiresAgain(schedule)) {
                wanted.remove(jobKey);
                LOG.warn("{}: '{}' has no fire time in the future; not scheduled", schedule.id(), schedule.cron());
                continue;
            }
            JobDetail job = JobBuilder.newJob(DeliveryJob.class).withIdentity(jobKey).storeDurably().requestRecovery()
                    .usingJobData(DeliveryJob.SCHEDULE_ID, schedule.id()).build();
            CronTrigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey).forJob(jobKey)
                    .withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
                            .inTimeZone(TimeZone.getTimeZone(schedule.timeZone()))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .modifiedByCalendar(BusinessCalendarSync.calendarOf(schedule))
                    .startNow().build();
            scheduler.scheduleJob(job, Set.of(trigger), true);
            LOG.info("{}: scheduled '{}' in {}", schedule.id(), schedule.cron(), schedule.timeZone());
        }
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(key)) {
                scheduler.deleteJob(key);
                LOG.info("{}: no longer scheduled (removed or disabled)", key.getName());
            }
        }
        BusinessCalendarSync.dropUnused(scheduler, schedules);
    }

    private static boolean neverFiresAgain(Schedule schedule) {
        try {
            org.quartz.CronExpression cron = new org.quartz.CronExpression(schedule.cron());
            cron.setTimeZone(TimeZone.getTimeZone(schedule.timeZone()));
            return cron.getTimeAfter(new java.util.Date()) == null;
        } catch (java.text.ParseException e) {
            return true;  // validated before; never here
        }
    }

    public DeliveryStore store() {
        return store;
    }

    public Scheduler quartz() {
        return scheduler;
    }

    /** Graceful: stops firing, lets running deliveries finish, then closes the store. */
    @Override
    public void close() {
        sweep.close();
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("scheduler shutdown: {}", e.getMessage());
        }
        leases.close();
        database.close();
    }

    /**
     * The next SMTP attempt of a delivery as a one-shot Quartz trigger of its schedule's job: persisted in the store
     * (it survives a restart, and any runner of a cluster may fire it), below the cron triggers in priority (a fire
     * due at the same moment goes first).
     */
    private record QuartzNextAttempts(Scheduler scheduler) implements NextAttempts {
        @Override
        public void fireAt(DeliveryRecord row, int attempt, Instant due) throws SchedulerException {
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(row.scheduleId() + "@" + row.fireTime().toEpochMilli() + "#" + attempt, ATTEMPTS)
                    .forJob(JobKey.jobKey(row.scheduleId(), GROUP))
                    .usingJobData(DeliveryJob.DELIVERY_FIRE_TIME, String.valueOf(row.fireTime().toEpochMilli()))
                    .usingJobData(DeliveryJob.DELIVERY_NOMINAL_TIME, String.valueOf(row.nominalTime().toEpochMilli()))
                    .withPriority(1).startAt(Date.from(due))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build();
            scheduler.scheduleJob(trigger);
        }
    }

    /** Hands Quartz connections from the shared pool. */
    private record PoolProvider(StoreDatabase database) implements ConnectionProvider {
        @Override
        public java.sql.Connection getConnection() throws SQLException {
            return database.dataSource().getConnection();
        }

        @Override
        public void shutdown() {
            // the runner closes the pool after Quartz has stopped
        }

        @Override
        public void initialize() {
        }
    }
}
