package cn.opengov.tracker.api.request.imports;

import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.OutcomeCategory;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a spreadsheet uses for the values of a request, read as the official table words them (国办公开办函
 * 〔2021〕30号, and the 2019 format's 社会组织): brackets full- or half-width, spaces ignored, the row's number and
 * group may lead ("(三) 不予公开 4.保护第三方合法权益"), and the codes of the API are accepted too.
 */
public final class ImportLabels {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\([一二三四五六七]\\))?([^0-9]*?)(\\d+)[.、．]");

    private ImportLabels() {
    }

    public static Optional<LocalDate> date(String text) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<Channel> channel(String text) {
        String t = normalized(text);
        return Arrays.stream(Channel.values())
                .filter(c -> c.label().equals(t) || c.name().equalsIgnoreCase(t)
                        || (c == Channel.ONLINE && (t.equals("网络") || t.equals("网上申请") || t.equals("在线")))
                        || (c == Channel.IN_PERSON && t.equals("当面")))
                .findFirst();
    }

    public static Optional<ApplicantType> applicantType(String text) {
        String t = normalized(text);
        return Arrays.stream(ApplicantType.values())
                .filter(a -> a.label().equals(t) || a.label2019().equals(t) || a.name().equalsIgnoreCase(t)
                        || (a.isOrganisation() && t.equals("法人或其他组织" + a.label())))
                .findFirst();
    }

    public static Optional<OutcomeCategory> outcome(String text) {
        String t = normalized(text);
        for (OutcomeCategory o : OutcomeCategory.values()) {
            if (o.name().equalsIgnoreCase(t) || normalized(o.label()).equals(t) || normalized(o.fullLabel()).equals(t)) {
                return Optional.of(o);
            }
        }
        if (t.equals("部分公开")) {
            return Optional.of(OutcomeCategory.PARTIALLY_DISCLOSED);
        }
        // "(三)不予公开4.保护第三方合法权益", "4.保护第三方合法权益", "不予公开-保护第三方合法权益"
        Matcher m = LEADING_NUMBER.matcher(t);
        String rest = m.find() ? t.substring(m.end()) : t;
        for (OutcomeCategory.OutcomeGroup group : OutcomeCategory.OutcomeGroup.values()) {
            rest = rest.startsWith(group.numbered()) ? rest.substring(group.numbered().length()) : rest;
        }
        for (OutcomeCategory o : OutcomeCategory.values()) {
            String label = normalized(o.label());
            String grouped = normalized(o.group().label());
            if (o.item() > 0 && (rest.equals(label) || rest.equals(grouped + label) || rest.equals(grouped + "-" + label)
                    || rest.equals(grouped + "—" + label) || rest.equals(grouped + ":" + label))) {
                // "其他" alone is the row (六)3, the only one of that name
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** Spaces dropped and brackets and colons made half-width, so that a label matches however it was typed. */
    static String normalized(String text) {
        return text.strip().replaceAll("\\s+", "").replace('（', '(').replace('）', ')').replace('：', ':').replace('，', ',')
                .toUpperCase(Locale.ROOT);
    }
}
