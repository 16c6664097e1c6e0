package cn.opengov.tracker.command.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Who recorded each event: the user behind the HTTP call is put on the command as {@code recordedBy} and copied
 * to every event the command causes, so the event stream is the audit trail (SPEC §2).
 */
@Configuration(proxyBeanMethods = false)
public class CommandMessagingConfiguration {

    public static final String RECORDED_BY = "recordedBy";

    /** Registered on the command gateway by Axon's auto-configuration. */
    @Bean
    public MessageDispatchInterceptor<CommandMessage<?>> recordedByOnCommands() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> command.getMetaData().containsKey(RECORDED_BY) ? command
                        : command.andMetaData(Map.of(RECORDED_BY, currentUsername()));
            }
        };
    }

    /** Events published without a command (a loaded holiday notice) carry their author too. */
    @Bean
    public MessageDispatchInterceptor<EventMessage<?>> recordedByOnEvents() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                return (index, event) -> event.getMetaData().containsKey(RECORDED_BY) ? event
                        : event.andMetaData(Map.of(RECORDED_BY, currentUsername()));
            }
        };
    }

    @Bean
    public CorrelationDataProvider recordedByCorrelation() {
        return new SimpleCorrelationDataProvider(RECORDED_BY);
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    private static String currentUsername() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
