package cn.opengov.tracker.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment as docker compose runs it, proved without a Docker engine: each side's image tar (Jib, built by
 * this build) is unpacked layer by layer into a root file system, and its own entrypoint, environment and user
 * are run there in a container of our own making (unshare: its own mount and process namespaces, /proc, a chroot)
 * against the test database; then docker-compose.yml's health check runs inside the image, with only what the
 * image contains. The compose file itself is checked by docker compose's own parser.
 */
class DeploymentImagesIT {

    private static final Path ROOT = SingleAddress.projectRoot();
    private static final Path WORK = Path.of("target/images").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));

    private final SystemUnderTest system = SystemUnderTest.get();

    @Test
    void dockerComposeParsesTheDeploymentAndItUsesTheImagesThisBuildMakes() throws Exception {
        List<String> parser = Files.isExecutable(Path.of("/usr/bin/docker-compose")) ? List.of("docker-compose")
                : List.of("docker", "compose");
        List<String> command = new ArrayList<>(parser);
        command.addAll(List.of("-f", ROOT.resolve("docker-compose.yml").toString(), "config", "-q"));
        Run parsed = run(new ProcessBuilder(command), Duration.ofSeconds(60));
        assertThat(parsed.exit()).as(parsed.output()).isZero();

        JsonNode services = compose().path("services");
        assertThat(services.path("command-side").path("image").asText()).isEqualTo("tracker/command-side:latest");
        assertThat(services.path("query-side").path("image").asText()).isEqualTo("tracker/query-side:latest");
        assertThat(services.path("proxy").path("image").asText()).startsWith("nginx:");
        assertThat(services.path("command-side").has("build")).as("built by Maven (Jib), not by a Dockerfile").isFalse();
        assertThat(ROOT.resolve("deploy/nginx/tracker.conf.template")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"command-side", "query-side"})
    void theImageRunsItsSideAndPassesComposesHealthCheckWithWhatItContains(String side) throws Exception {
        Path tar = ROOT.resolve(side + "/target/jib-image.tar");
        assertThat(tar).as("built by mvn package (Jib)").exists();
        Path rootfs = WORK.resolve(side + "/rootfs");
        JsonNode manifest = unpack(tar, WORK.resolve(side));
        assertThat(manifest.path("RepoTags").toString()).contains("tracker/" + side + ":latest");
        JsonNode config = JSON.readTree(WORK.resolve(side + "/tar/" + manifest.path("Config").asText()).toFile()).path("config");
        assertThat(config.path("User").asText()).isEqualTo("10001:10001");

        assertThat(rootfs.resolve("opt/java/bin/java")).isExecutable();
        assertThat(rootfs.resolve("app/jib-classpath-file")).exists();
        try (Stream<Path> libs = Files.list(rootfs.resolve("app/libs"))) {
            assertThat(libs.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("platform-") && n.endsWith(".jar"));
        }
        assertThat(rootfs.resolve("usr/share/fonts/truetype/wqy")).isDirectoryContaining(p -> p.toString().endsWith(".ttc"));
        assertThat(rootfs.resolve("usr/share/fonts/truetype/arphic/uming.ttc")).as("the notices' PDFs embed it").exists();
        assertThat(rootfs.resolve("bin/sh")).as("nothing but the runtime and the side").doesNotExist();

        Run version = run(inImage(rootfs, config, Map.of(), List.of("java", "-version")), Duration.ofSeconds(60));
        assertThat(version.exit()).as(version.output()).isZero();
        assertThat(version.output()).contains("17.");

        int port = SystemUnderTest.anyFreePort();
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        entrypoint.add("--tracker.today=" + SystemUnderTest.TODAY);
        ProcessBuilder sideInImage = inImage(rootfs, config, Map.of("SERVER_PORT", String.valueOf(port),
                "SPRING_DATASOURCE_URL", System.getProperty("test.db.url", "jdbc:postgresql://127.0.0.1:5432/tracker_test"),
                "SPRING_DATASOURCE_USERNAME", System.getProperty("test.db.user", "postgres"),
                "SPRING_DATASOURCE_PASSWORD", System.getProperty("test.db.password", "")), entrypoint);
        sideInImage.redirectErrorStream(true).redirectOutput(WORK.resolve(side + "/side.log").toFile());
        Process running = sideInImage.start();
        try {
            awaitReady(port, running, side);
            List<String> check = healthCheck(side);
            String containerPort = compose().path("services").path(side).path("environment").path("SERVER_PORT").asText();
            List<String> here = check.stream().map(a -> a.replace(":" + containerPort + "/", ":" + port + "/")).toList();
            Run healthy = run(inImage(rootfs, config, Map.of(), here), Duration.ofSeconds(60));
            assertThat(healthy.exit()).as("the health check of docker-compose.yml, in the image: " + healthy.output()).isZero();

            int nobody = SystemUnderTest.anyFreePort();
            List<String> elsewhere = check.stream().map(a -> a.replace(":" + containerPort + "/", ":" + nobody + "/")).toList();
            assertThat(run(inImage(rootfs, config, Map.of(), elsewhere), Duration.ofSeconds(60)).exit())
                    .as("and it fails when nothing answers").isEqualTo(1);
        } finally {
            stop(running);
        }
    }

    /**
     * The side first, then unshare: the side, running as another user, has lost unshare's --kill-child (a
     * parent-death signal does not survive a change of user), so it is stopped as a descendant.
     */
    private static void stop(Process running) throws InterruptedException {
        List<ProcessHandle> tree = running.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                p.destroyForcibly();
            }
        }
        running.destroy();
        if (!running.waitFor(10, TimeUnit.SECONDS)) {
            running.destroyForcibly().waitFor();
        }
    }

    private static JsonNode compose() throws IOException {
        return new YAMLMapper().readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    private static List<String> healthCheck(String side) throws IOException {
        List<String> test = new ArrayList<>();
        compose().path("services").path(side).path("healthcheck").path("test").forEach(t -> test.add(t.asText()));
        assertThat(test.get(0)).as("exec form: the image has no shell for CMD-SHELL").isEqualTo("CMD");
        return test.subList(1, test.size());
    }

    /** docker load's view of the tar: its manifest, and the layers unpacked in order into rootfs. */
    private static JsonNode unpack(Path tar, Path into) throws Exception {
        deleteRecursively(into);
        Path contents = Files.createDirectories(into.resolve("tar"));
        Path rootfs = Files.createDirectories(into.resolve("rootfs"));
        assertThat(run(new ProcessBuilder("tar", "-xf", tar.toString(), "-C", contents.toString()), Duration.ofSeconds(60)).exit()).isZero();
        JsonNode manifest = JSON.readTree(contents.resolve("manifest.json").toFile()).get(0);
        for (JsonNode layer : manifest.path("Layers")) {
            Run unpacked = run(new ProcessBuilder("tar", "-xf", contents.resolve(layer.asText()).toString(), "-C", rootfs.toString()),
                    Duration.ofSeconds(60));
            assertThat(unpacked.exit()).as(unpacked.output()).isZero();
        }
        return manifest;
    }

    /**
     * A command run as the image runs it: its root file system, its environment, its user, a /proc of its own, the
     * host's network (as docker's port mapping gives it). Run as root, or else in a user namespace as its root.
     */
    private static ProcessBuilder inImage(Path rootfs, JsonNode config, Map<String, String> env, List<String> command) {
        List<String> full = new ArrayList<>(List.of("/usr/bin/unshare"));
        if (!AS_ROOT) {
            full.addAll(List.of("--user", "--map-root-user"));
        }
        full.addAll(List.of("--mount", "--pid", "--fork", "--kill-child", "--mount-proc", "--root=" + rootfs));
        if (AS_ROOT) {
            String[] user = config.path("User").asText().split(":");
            full.addAll(List.of("--setuid", user[0], "--setgid", user[1]));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full);
        pb.environment().clear();
        config.path("Env").forEach(e -> {
            String[] pair = e.asText().split("=", 2);
            pb.environment().put(pair[0], pair[1]);
        });
        pb.environment().putAll(env);
        return pb;
    }

    private static void awaitReady(int port, Process process, String side) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as(side + " in its image stopped; see " + WORK.resolve(side + "/side.log")).isTrue();
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness").toURL().openConnection();
                c.setConnectTimeout(1000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError(side + " in its image not ready within 150 s; see " + WORK.resolve(side + "/side.log"));
    }

    private record Run(int exit, String output) {
    }

    private static Run run(ProcessBuilder pb, Duration atMost) throws Exception {
        Process p = pb.redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(atMost.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(pb.command() + " did not end within " + atMost + ": " + output);
        }
        return new Run(p.exitValue(), output);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
