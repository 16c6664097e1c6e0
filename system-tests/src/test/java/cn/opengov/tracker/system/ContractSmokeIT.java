package cn.opengov.tracker.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outside check of the contract, ../shared/contract-smoke.py, run against both jars: once through the single
 * address (COMMAND_URL and QUERY_URL both the proxy), once against each side directly. The steering copy is used
 * when it sits beside the checkout; otherwise the copy in this module's resources.
 */
class ContractSmokeIT {

    private final SystemUnderTest system = SystemUnderTest.get();

    @Test
    void theContractSmokePassesThroughTheSingleAddress() throws Exception {
        smoke(system.url, system.url);
    }

    @Test
    void theContractSmokePassesAgainstEachSideDirectly() throws Exception {
        smoke(system.commandUrl, system.queryUrl);
    }

    private static void smoke(String commandUrl, String queryUrl) throws Exception {
        Path script = smokeScript();
        ProcessBuilder pb = new ProcessBuilder("python3", script.toString());
        pb.environment().put("COMMAND_URL", commandUrl);
        pb.environment().put("QUERY_URL", queryUrl);
        pb.redirectErrorStream(true);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println(output);
        assertThat(output).contains("4 passed, 0 failed");
        assertThat(process.exitValue()).isZero();
    }

    private static Path smokeScript() throws IOException {
        Path steering = Path.of(System.getProperty("tracker.jars", "..")).resolve("../shared/contract-smoke.py").normalize();
        if (Files.exists(steering)) {
            return steering;
        }
        Path copy = Files.createTempFile("contract-smoke", ".py");
        try (InputStream in = ContractSmokeIT.class.getResourceAsStream("/contract-smoke.py")) {
            Files.write(copy, in.readAllBytes());
        }
        return copy;
    }
}
