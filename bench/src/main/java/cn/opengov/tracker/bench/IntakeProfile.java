package cn.opengov.tracker.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A flight recording of the command side during an intake phase ({@code --profile=true}): started and stopped with
 * jcmd around the phase, so that start-up is not in it, then its CPU samples (jdk.ExecutionSample, what
 * {@code jfr print --events jdk.ExecutionSample} lists) summed up three ways: by the library of the innermost
 * frame that is not the JDK's (JDK frames count for their caller), by a few marked calls anywhere on the stack
 * (aggregate loading, appending, authentication, …), and by the leaf frame's package.
 */
final class IntakeProfile {

    private static final String NAME = "intake";

    private IntakeProfile() {
    }

    static void start(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile");
    }

    static void stop(long pid, Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        jcmd(pid, "JFR.stop", "name=" + NAME, "filename=" + file.toAbsolutePath());
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/jcmd", String.valueOf(pid)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    /** Owners of a sample, by the innermost non-JDK frame's class name prefix; first match wins. */
    private static final String[][] OWNERS = {
            {"org.postgresql.", "JDBC: PostgreSQL driver"},
            {"com.zaxxer.hikari.", "JDBC: Hikari pool"},
            {"org.springframework.jdbc.", "JDBC: Spring JdbcTemplate"},
            {"org.springframework.security.crypto.bcrypt.", "auth: BCrypt"},
            {"org.springframework.security.", "auth: Spring Security"},
            {"cn.opengov.tracker.platform.security.", "auth: tracker (provider, filters)"},
            {"com.fasterxml.jackson.", "Jackson"},
            {"org.axonframework.", "Axon"},
            {"org.apache.coyote.", "Tomcat"},
            {"org.apache.tomcat.", "Tomcat"},
            {"org.apache.catalina.", "Tomcat"},
            {"org.springframework.web.", "Spring MVC"},
            {"org.springframework.http.", "Spring MVC"},
            {"org.springframework.transaction.", "Spring transactions"},
            {"org.springframework.", "Spring (other: aop, beans, core)"},
            {"org.hibernate.validator.", "Bean Validation"},
            {"jakarta.validation.", "Bean Validation"},
            {"io.micrometer.", "Micrometer"},
            {"ch.qos.logback.", "logging"},
            {"org.slf4j.", "logging"},
            {"cn.opengov.tracker.", "tracker code"},
    };

    /** Calls marked anywhere on a sample's stack: class name (suffix) and method, or method "*" for any. */
    private static final String[][] MARKS = {
            {"Axon: aggregate loading (EventSourcingRepository.doLoadWithLock)", "org.axonframework.eventsourcing.EventSourcingRepository", "doLoadWithLock"},
            {"Axon: reading an aggregate's events (storage engine readEvents)", "org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine", "readEvents"},
            {"Axon: appending events (appendEvents)", "org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine", "appendEvents"},
            {"Axon: command bus (dispatch to commit)", "org.axonframework.commandhandling.SimpleCommandBus", "*"},
            {"Axon: serializing (JacksonSerializer)", "org.axonframework.serialization.json.JacksonSerializer", "*"},
            {"authentication (CachingPasswordAuthenticationProvider)", "cn.opengov.tracker.platform.security.CachingPasswordAuthenticationProvider", "authenticate"},
            {"BCrypt", "org.springframework.security.crypto.bcrypt.BCrypt", "*"},
            {"account check after login (AccountStillValidFilter)", "cn.opengov.tracker.platform.security.AccountStillValidFilter", "stillValid"},
            {"reading the JSON body (Jackson message converter)", "org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter", "read"},
            {"writing the JSON answer (Jackson message converter)", "org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter", "writeInternal"},
            {"Bean Validation of the body", "org.hibernate.validator.internal.engine.ValidatorImpl", "validate"},
            {"any Jackson frame", "com.fasterxml.jackson.", "*"},
            {"any PostgreSQL driver frame", "org.postgresql.", "*"},
            {"any Hikari frame", "com.zaxxer.hikari.", "*"},
            {"command-side lookups (LookupProjection)", "cn.opengov.tracker.command.lookup.LookupProjection", "*"},
            {"tracking numbers (TrackingNumbers.next)", "cn.opengov.tracker.command.request.numbering.TrackingNumbers", "next"},
            {"event position for X-Event-Position (EventPositions)", "cn.opengov.tracker.command.messaging.EventPositions", "*"},
            {"bare endpoint's insert (BareIntake.post)", "cn.opengov.tracker.command.bench.BareIntake", "post"},
            {"controller and below (InvocableHandlerMethod.invokeForRequest)", "org.springframework.web.method.support.InvocableHandlerMethod", "invokeForRequest"},
            {"Tomcat socket reads and writes (NioEndpoint$NioSocketWrapper)", "org.apache.tomcat.util.net.NioEndpoint$NioSocketWrapper", "*"},
            {"Micrometer (request and pool timers)", "io.micrometer.", "*"},
            {"logging", "ch.qos.logback.", "*"},
    };

    /** The summary's lines, each "share  count  what", under three headings. */
    static List<String> summarize(Path file, Map<String, Double> shares) throws IOException {
        Map<String, Integer> owners = new HashMap<>();
        Map<String, Integer> marks = new LinkedHashMap<>();
        Map<String, Integer> leaves = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        int truncated = 0;
        for (String[] m : MARKS) {
            marks.put(m[0], 0);
        }
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!"jdk.ExecutionSample".equals(e.getEventType().getName()) || e.getStackTrace() == null) {
                continue;
            }
            samples++;
            RecordedStackTrace stack = e.getStackTrace();
            List<RecordedFrame> frames = stack.getFrames();
            if (stack.isTruncated()) {
                truncated++;
            }
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("[0-9]+", "#"), 1, Integer::sum);
            if (!frames.isEmpty()) {
                String leaf = frames.get(0).getMethod().getType().getName();
                leaves.merge(leaf.contains(".") ? leaf.substring(0, leaf.lastIndexOf('.')) : leaf, 1, Integer::sum);
            }
            owners.merge(owner(frames), 1, Integer::sum);
            for (String[] m : MARKS) {
                if (frames.stream().anyMatch(f -> matches(f, m[1], m[2]))) {
                    marks.merge(m[0], 1, Integer::sum);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("CPU samples (jdk.ExecutionSample): " + samples + ", of which " + truncated
                + " with stacks deeper than the recorded depth (their outermost frames missing)");
        lines.add("");
        lines.add("## by library: the innermost frame outside the JDK");
        add(lines, owners, samples, 30, shares, "self ");
        lines.add("");
        lines.add("## marked calls anywhere on the stack (a sample can count in several)");
        add(lines, marks, samples, 100, shares, "incl ");
        lines.add("");
        lines.add("## leaf frame's package");
        add(lines, leaves, samples, 15, null, "");
        lines.add("");
        lines.add("## threads");
        add(lines, threads, samples, 10, null, "");
        return lines;
    }

    private static void add(List<String> lines, Map<String, Integer> counts, int samples, int top,
                            Map<String, Double> shares, String prefix) {
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top).forEach(e -> {
            double share = samples == 0 ? 0 : 100.0 * e.getValue() / samples;
            lines.add(String.format("%6.1f %%  %6d  %s", share, e.getValue(), e.getKey()));
            if (shares != null) {
                shares.put(prefix + e.getKey(), share);
            }
        });
    }

    private static String owner(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("javax.")
                    || type.startsWith("com.sun.")) {
                continue;
            }
            for (String[] o : OWNERS) {
                if (type.startsWith(o[0])) {
                    return o[1];
                }
            }
            int dot = type.indexOf('.', type.indexOf('.') + 1);
            return dot > 0 ? type.substring(0, dot) : type;
        }
        return "JDK only";
    }

    private static boolean matches(RecordedFrame f, String type, String method) {
        String name = f.getMethod().getType().getName();
        boolean typeMatches = type.endsWith(".") ? name.startsWith(type) : name.equals(type);
        return typeMatches && ("*".equals(method) || method.equals(f.getMethod().getName()));
    }
}
