package cn.opengov.tracker.api.rule;

/**
 * A command refused by a rule: nothing is recorded. The web layer turns it into a problem+json answer with the
 * rule's status and message; {@code field} names the input at fault when there is one.
 */
public class RuleViolation extends RuntimeException {

    private final Rule rule;
    private final String field;

    public RuleViolation(Rule rule, Object... args) {
        this(rule, null, args);
    }

    private RuleViolation(Rule rule, String field, Object... args) {
        super(rule.format(args), null, false, false);
        this.rule = rule;
        this.field = field;
    }

    /** A refusal of one input field, listed in the answer's {@code errors}. */
    public static RuleViolation ofField(String field, Rule rule, Object... args) {
        return new RuleViolation(rule, field, args);
    }

    public Rule rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
