package cn.opengov.tracker.platform.security;

import cn.opengov.tracker.platform.directory.UserDirectory;
import cn.opengov.tracker.platform.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.time.Clock;

/**
 * HTTP Basic on {@code /api/**} of both sides, stateless; health, OpenAPI and the error page open. Roles are
 * checked on the controllers ({@code @PreAuthorize}) and agency scope by {@link AgencyScope}. Every refusal is
 * a problem+json answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class ApiSecurityConfiguration {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public CachingPasswordAuthenticationProvider authenticationProvider(UserDirectory users, PasswordEncoder encoder,
                                                                        Clock clock) {
        return new CachingPasswordAuthenticationProvider(users, encoder, clock);
    }

    @Bean
    public AuthenticationEntryPoint problemEntryPoint(ProblemWriter problems) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"tracker\", charset=\"UTF-8\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "需要登录：请提供正确的用户名和密码（HTTP Basic）");
        };
    }

    @Bean
    public AccessDeniedHandler problemAccessDeniedHandler(ProblemWriter problems) {
        return (request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN, e.getMessage());
    }

    @Bean
    @Order(1)
    public SecurityFilterChain apiChain(HttpSecurity http, CachingPasswordAuthenticationProvider provider,
                                        AuthenticationEntryPoint entryPoint, AccessDeniedHandler denied) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .authenticationProvider(provider)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain openChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/actuator/health/**", "/actuator/health", "/actuator/info", "/v3/api-docs/**",
                        "/swagger-ui/**", "/swagger-ui.html", "/error")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
