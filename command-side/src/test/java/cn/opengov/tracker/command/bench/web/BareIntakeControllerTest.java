package cn.opengov.tracker.command.bench.web;

import cn.opengov.tracker.command.bench.BareIntake;
import cn.opengov.tracker.platform.directory.Role;
import cn.opengov.tracker.platform.directory.UserAccount;
import cn.opengov.tracker.platform.directory.UserDirectory;
import cn.opengov.tracker.platform.security.ApiSecurityConfiguration;
import cn.opengov.tracker.platform.security.LoginFailures;
import cn.opengov.tracker.platform.security.LoginThrottle;
import cn.opengov.tracker.platform.web.ClockConfiguration;
import cn.opengov.tracker.platform.web.ProblemHandling;
import cn.opengov.tracker.platform.web.ProblemWriter;
import cn.opengov.tracker.platform.web.StrictJsonConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.util.Optional;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The benchmark's bare endpoint with {@code tracker.bench.bare-endpoint=true}, in a web slice (no database, no Axon:
 * the shared test context has no such property and must keep not having the endpoint, see
 * {@code BareEndpointAbsentTest}): the API's own security chain in front, so nobody posts without logging in, and
 * the same strict JSON reading as POST /api/requests.
 */
@WebMvcTest(properties = BareIntake.PROPERTY + "=true")
@ContextConfiguration(classes = BareIntakeControllerTest.Slice.class)
class BareIntakeControllerTest {

    @Configuration(proxyBeanMethods = false)
    @Import({BareIntakeController.class, ApiSecurityConfiguration.class, ProblemWriter.class, ProblemHandling.class,
            StrictJsonConfiguration.class, ClockConfiguration.class})
    static class Slice {
    }

    private static final String BODY = """
            {"agencyCode":"INTAKE","receivedOn":"2026-03-02","channel":"ONLINE",
             "applicant":{"type":"NATURAL_PERSON","name":"压测申请人"},"description":"申请公开某项目的审批文件"}""";

    @Autowired
    MockMvc web;

    @MockitoBean
    BareIntake bare;

    @MockitoBean
    UserDirectory users;

    @MockitoBean
    LoginThrottle throttle;

    @MockitoBean
    LoginFailures failures;

    @BeforeEach
    void oneUser() {
        String hash = new BCryptPasswordEncoder().encode("bench-password");
        when(users.find("bench")).thenReturn(Optional.of(new UserAccount("bench", hash, Role.STAFF, "INTAKE", true, 1)));
        when(users.find(eq("nobody"))).thenReturn(Optional.empty());
        when(throttle.waitFor(any(), any())).thenReturn(Duration.ZERO);
        when(bare.post(any(), anyString())).thenReturn(new BareIntake.Posted("a-request", 7));
    }

    private static MockHttpServletRequestBuilder bare(String body) {
        return post("/api/bench/bare").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void withoutALoginItAnswers401AndWritesNothing() throws Exception {
        web.perform(bare(BODY)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        web.perform(bare(BODY).with(httpBasic("bench", "wrong-password"))).andExpect(status().isUnauthorized());
        web.perform(bare(BODY).with(httpBasic("nobody", "bench-password"))).andExpect(status().isUnauthorized());
        verify(bare, never()).post(any(), anyString());
    }

    @Test
    void aLoggedInPostWritesOneRowAndAnswers201() throws Exception {
        web.perform(bare(BODY).with(httpBasic("bench", "bench-password")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("a-request"))
                .andExpect(jsonPath("$.position").value(7));
        verify(bare).post(any(), eq("bench"));
    }

    @Test
    void theBodyIsReadAsStrictlyAsARequestRegistration() throws Exception {
        // a number for a name, and a missing description: 400 as POST /api/requests answers, nothing written
        web.perform(bare(BODY.replace("\"压测申请人\"", "12")).with(httpBasic("bench", "bench-password")))
                .andExpect(status().isBadRequest());
        web.perform(bare(BODY.replace(",\"description\":\"申请公开某项目的审批文件\"", "")).with(httpBasic("bench", "bench-password")))
                .andExpect(status().isBadRequest());
        verify(bare, never()).post(any(), anyString());
    }

    @Test
    void withoutTheBenchTableItRefusesSayingSo() throws Exception {
        when(bare.post(any(), anyString())).thenThrow(new BareIntake.TableMissing());
        web.perform(bare(BODY).with(httpBasic("bench", "bench-password")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(BareIntake.TABLE)));
    }
}
