package cn.opengov.tracker.command.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Whatever the API and open chains do not claim (actuator metrics, unknown paths) needs a user too: a request
 * that no chain matches would otherwise pass with no security at all. (The query side's page chain plays this
 * part there.)
 */
@Configuration(proxyBeanMethods = false)
public class FallbackSecurityConfiguration {

    @Bean
    @Order(100)
    public SecurityFilterChain everythingElse(HttpSecurity http, AuthenticationEntryPoint entryPoint,
                                              AccessDeniedHandler denied) throws Exception {
        return http.securityMatcher("/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
