package cn.opengov.tracker.platform.directory;

/** The three roles of SPEC §1. */
public enum Role {
    /** 登记员: logs requests and every step after. */
    STAFF("登记员"),
    /** 督办: also watches deadlines, closes and publishes the year. */
    SUPERVISOR("督办"),
    /** 管理员: also manages agencies, users and the calendar, and rebuilds projections. */
    ADMIN("管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
