package cn.opengov.tracker.platform.security;

import cn.opengov.tracker.platform.directory.Role;
import cn.opengov.tracker.platform.directory.UserDirectory;
import cn.opengov.tracker.platform.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.time.Clock;
import java.util.List;

/**
 * HTTP Basic on {@code /api/**} of both sides; Actuator for administrators but its health; OpenAPI and the error
 * page open. The web pages' session
 * (kept in PostgreSQL, shared by both sides) is accepted too but never created here, so a page can send
 * commands; writes on it must pass {@link SessionRequestGuard}. Roles are checked on the controllers
 * ({@code @PreAuthorize}) and agency scope by {@link AgencyScope}. Every refusal is a problem+json answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class ApiSecurityConfiguration {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * The only authentication provider: Spring Security makes it the global one, which every chain uses. A chain
     * must not add it again ({@code authenticationProvider(provider)}): its own manager would try it, and on a
     * wrong password the global one once more — two BCrypt checks and two failures counted for one attempt.
     */
    @Bean
    public CachingPasswordAuthenticationProvider authenticationProvider(UserDirectory users, PasswordEncoder encoder,
                                                                        Clock clock, LoginThrottle throttle,
                                                                        LoginFailures failures) {
        return new CachingPasswordAuthenticationProvider(users, encoder, clock, throttle, failures);
    }

    /**
     * 401 as problem+json. API clients are invited to HTTP Basic; the pages' calls (they carry
     * {@link SessionRequestGuard#HEADER}) are not: a Basic challenge would make the browser show its own login box,
     * whose password it would then keep sending, even after 退出. The page sends the user to its login form.
     */
    @Bean
    public AuthenticationEntryPoint problemEntryPoint(ProblemWriter problems) {
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfter().toSeconds()));
                problems.write(response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
                return;
            }
            if (e instanceof DisabledException) {
                problems.write(response, HttpStatus.UNAUTHORIZED, e.getMessage());
                return;
            }
            if (request.getHeader(SessionRequestGuard.HEADER) != null) {
                problems.write(response, HttpStatus.UNAUTHORIZED, "登录已失效，请重新登录");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"tracker\", charset=\"UTF-8\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "需要登录：请提供正确的用户名和密码（HTTP Basic）");
        };
    }

    @Bean
    public AccessDeniedHandler problemAccessDeniedHandler(ProblemWriter problems) {
        return (request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** The origins (the query side's pages) allowed to send commands with the session: {@code tracker.web.origins}. */
    @Bean
    public CorsConfigurationSource corsConfigurationSource(@Value("${tracker.web.origins:}") List<String> origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> allowed = origins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        if (!allowed.isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(allowed);
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "OPTIONS"));
            cors.setAllowedHeaders(List.of("Content-Type", "Idempotency-Key", SessionRequestGuard.HEADER, "X-Min-Position"));
            cors.setExposedHeaders(List.of("X-Event-Position", "Location"));
            cors.setAllowCredentials(true);
            cors.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }

    @Bean
    @Order(1)
    public SecurityFilterChain apiChain(HttpSecurity http, AuthenticationEntryPoint entryPoint, AccessDeniedHandler denied,
                                        ProblemWriter problems) throws Exception {
        return http.securityMatcher("/api/**")
                .cors(Customizer.withDefaults())
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .csrf(AbstractHttpConfigurer::disable)
                .addFilterBefore(new SessionRequestGuard(problems), BasicAuthenticationFilter.class)
                // use the pages' session when there is one, never start one for an API client: not even to
                // remember a refused anonymous request for a login that will never come
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .build();
    }

    /** Actuator: health for everyone (load balancers, compose), everything else for administrators. */
    @Bean
    @Order(0)
    public SecurityFilterChain actuatorChain(HttpSecurity http, AuthenticationEntryPoint entryPoint, AccessDeniedHandler denied) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(a -> a
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain openChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
