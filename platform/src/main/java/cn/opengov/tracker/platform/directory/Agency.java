package cn.opengov.tracker.platform.directory;

/**
 * An agency (机关). {@code path} lists the codes from the top agency down to this one, e.g.
 * {@code /ROOT/ZNX/ZNX-KJJ/}: an agency is inside another when its path starts with the other's.
 */
public record Agency(String code, String name, String parentCode, String path) {

    public boolean isWithin(Agency ancestor) {
        return path.startsWith(ancestor.path());
    }

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }
}
