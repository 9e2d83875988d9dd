package de.ozgkit.einvoice;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Lists the paths (".seller.address.city", ".lines[3].netAmount") where two models differ. */
public final class ModelDiff {

    private ModelDiff() {
    }

    /** @return the differing paths, each with both values */
    public static List<String> diff(Object a, Object b) {
        List<String> out = new ArrayList<>();
        walk("", a, b, out);
        return out;
    }

    /** @return only the differing paths */
    public static List<String> paths(Object a, Object b) {
        return diff(a, b).stream().map(s -> s.substring(0, s.indexOf(": "))).toList();
    }

    private static void walk(String path, Object a, Object b, List<String> out) {
        if (Objects.equals(a, b)) {
            return;
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            out.add(path + ": " + a + " <> " + b);
            return;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                out.add(path + ": " + a + " <> " + b);
                return;
            }
            for (int i = 0; i < la.size(); i++) {
                walk(path + "[" + i + "]", la.get(i), lb.get(i), out);
            }
            return;
        }
        if (a.getClass().isRecord()) {
            for (RecordComponent rc : a.getClass().getRecordComponents()) {
                try {
                    walk(path + "." + rc.getName(), rc.getAccessor().invoke(a), rc.getAccessor().invoke(b), out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return;
        }
        out.add(path + ": " + a + " <> " + b);
    }
}
