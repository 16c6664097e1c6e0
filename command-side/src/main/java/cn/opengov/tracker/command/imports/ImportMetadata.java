package cn.opengov.tracker.command.imports;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An imported request's events say so in their metadata — the file's name and SHA-256, the row and the 受理编号
 * it had — next to {@code recordedBy}. Metadata, not new event fields: events recorded before the import existed
 * and those a clerk records read exactly as before.
 */
@Configuration(proxyBeanMethods = false)
public class ImportMetadata {

    public static final String FILE = "importedFrom";
    public static final String SHA256 = "importedFileSha256";
    public static final String ROW = "importedRow";
    public static final String SOURCE_NO = "importedSourceNo";

    @Bean
    public CorrelationDataProvider importedFromCorrelation() {
        return new SimpleCorrelationDataProvider(FILE, SHA256, ROW, SOURCE_NO);
    }
}
