package cn.opengov.tracker.platform.publicaccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * {@code /public/**}: the applicant's paths (online application, status lookup, their pages), open without a login.
 * Nothing here authenticates anyone — no HTTP Basic, no session read or created — so a public path can never act
 * as a user, and no staff endpoint lives under it ({@code PublicPathsTest}). Their own rate limits are
 * {@link PublicThrottle}'s, their own body limit {@link cn.opengov.tracker.platform.web.BodySizeLimitFilter}'s.
 */
@Configuration(proxyBeanMethods = false)
public class PublicSecurityConfiguration {

    public static final String PATHS = "/public/**";

    @Bean
    @Order(2)
    public SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(PATHS)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.requireExplicitSave(true))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'")))
                .build();
    }
}
