package dev.safestream.server;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The strongly connected groups of top-level classes (nested and anonymous classes count as their top-level class),
 * as jdeps would show them: every class in a group reaches every other. ArchUnit checks cycles between packages only.
 */
final class ClassCycles {
    private ClassCycles() {}

    /** The groups of two or more classes that depend on each other in a circle, each sorted by name. */
    static List<Set<String>> of(JavaClasses classes) {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (JavaClass c : classes) {
            String from = topLevel(c);
            Set<String> out = edges.computeIfAbsent(from, k -> new TreeSet<>());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                if (target.getPackageName().startsWith("dev.safestream.server") && !target.isArray()) {
                    String to = topLevel(target);
                    if (!to.equals(from)) {
                        out.add(to);
                    }
                }
            }
        }
        return new Tarjan(edges).groups();
    }

    private static String topLevel(JavaClass c) {
        String name = c.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /** Tarjan's strongly connected components. */
    private static final class Tarjan {
        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> groups = new ArrayList<>();
        private int next;

        Tarjan(Map<String, Set<String>> edges) {
            this.edges = edges;
        }

        List<Set<String>> groups() {
            for (String node : edges.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return groups;
        }

        private void visit(String node) {
            index.put(node, next);
            low.put(node, next);
            next++;
            stack.push(node);
            onStack.add(node);
            for (String to : edges.getOrDefault(node, Set.of())) {
                if (!index.containsKey(to)) {
                    visit(to);
                    low.put(node, Math.min(low.get(node), low.get(to)));
                } else if (onStack.contains(to)) {
                    low.put(node, Math.min(low.get(node), index.get(to)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> group = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    group.add(member);
                } while (!member.equals(node));
                if (group.size() > 1) {
                    groups.add(group);
                }
            }
        }
    }
}
