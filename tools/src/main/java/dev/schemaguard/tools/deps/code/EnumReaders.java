package dev.schemaguard.tools.deps.code;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The readers of enum-like values across all files: entity fields and converters first, then switches over them. */
final class EnumReaders {

    private EnumReaders() {}

    private record Declared<T>(String file, T what) {}

    static List<EnumReader> of(
            Map<String, FileSummary> byFile, Function<String, String> serviceOf, List<CodeModel.MappedField> fields) {
        Map<String, Declared<EnumCode.JavaEnum>> enums = new LinkedHashMap<>();
        Map<String, Declared<EnumCode.Converter>> converters = new LinkedHashMap<>();
        List<Declared<EnumCode.JavaEnum>> jooqEnums = new ArrayList<>();
        byFile.forEach((file, summary) -> {
            for (EnumCode.JavaEnum e : summary.enums().enums()) {
                if (e.jooqType() != null) {
                    jooqEnums.add(new Declared<>(file, e)); // read by jOOQ, not mapped by JPA: kept apart
                } else {
                    enums.putIfAbsent(e.name(), new Declared<>(file, e));
                }
            }
            summary.enums().converters().forEach(c -> converters.putIfAbsent(c.name(), new Declared<>(file, c)));
        });
        List<EnumReader> readers = new ArrayList<>();
        for (CodeModel.MappedField m : fields) {
            FileSummary.Field f = m.field();
            String service = serviceOf.apply(m.file());
            if (f.converter() != null && converters.containsKey(f.converter())) {
                Declared<EnumCode.Converter> c = converters.get(f.converter());
                Declared<EnumCode.JavaEnum> e = enums.get(c.what().entityType());
                readers.add(new EnumReader(
                        service,
                        m.file(),
                        f.line(),
                        EnumReader.Kind.CONVERTER,
                        m.table(),
                        f.column(),
                        e == null ? c.what().entityType() : e.what().name(),
                        e == null ? List.of() : e.what().constants(),
                        m.entity() + "." + f.name() + " through " + c.what().name(),
                        at(c.file(), c.what().readLine()),
                        c.what().throwsOnUnknown() ? EnumReader.WhenUnknown.THROWS : EnumReader.WhenUnknown.FALLBACK));
            } else if (f.converter() == null && enums.containsKey(f.type())) {
                Declared<EnumCode.JavaEnum> e = enums.get(f.type());
                String mapping = f.enumMapping() != null ? f.enumMapping() : "ORDINAL";
                readers.add(new EnumReader(
                        service,
                        m.file(),
                        f.line(),
                        EnumReader.Kind.JPA_ENUM,
                        m.table(),
                        f.column(),
                        e.what().name(),
                        e.what().constants(),
                        m.entity() + "." + f.name() + " as "
                                + (mapping.equals("NAMED")
                                        ? "a PostgreSQL named enum (Hibernate)"
                                        : "@Enumerated(" + mapping + ")"
                                                + (f.enumMapping() == null ? ", JPA's default" : "")),
                        at(e.file(), e.what().line()),
                        EnumReader.WhenUnknown.THROWS));
            }
        }
        for (Declared<EnumCode.JavaEnum> e : jooqEnums) {
            readers.add(new EnumReader(
                    serviceOf.apply(e.file()),
                    e.file(),
                    e.what().line(),
                    EnumReader.Kind.JOOQ_ENUM,
                    null,
                    null,
                    e.what().name(),
                    e.what().literals(),
                    "jOOQ's " + e.what().name() + ", generated from type "
                            + e.what().jooqType(),
                    at(e.file(), e.what().line()),
                    EnumReader.WhenUnknown.AS_NULL,
                    e.what().jooqType()));
        }
        List<EnumReader> switches = new ArrayList<>();
        byFile.forEach((file, summary) -> {
            for (EnumCode.ValueSwitch s : summary.enums().switches()) {
                if (!s.strings() && jooqSwitch(s, file, serviceOf, jooqEnums, switches)) {
                    continue;
                }
                if (s.strings()) {
                    switches.add(new EnumReader(
                            serviceOf.apply(file),
                            file,
                            s.line(),
                            EnumReader.Kind.STRING_SWITCH,
                            null,
                            null,
                            null,
                            s.labels(),
                            s.shown(),
                            null,
                            whenUnknown(s)));
                    continue;
                }
                // a switch over constants of an enum that some column decodes into: a reader of that column. Without
                // the selector's type, the labels decide; where enums of several services have them all, those of the
                // switch's own service are the ones it can see
                String service = serviceOf.apply(file);
                List<EnumReader> candidates = readers.stream()
                        .filter(m -> m.jooqType() == null
                                && m.javaEnum() != null
                                && m.known().containsAll(s.labels()))
                        .toList();
                List<EnumReader> own = candidates.stream()
                        .filter(m -> enums.containsKey(m.javaEnum())
                                && service.equals(
                                        serviceOf.apply(enums.get(m.javaEnum()).file())))
                        .toList();
                for (EnumReader mapped : own.isEmpty() ? candidates : own) {
                    switches.add(new EnumReader(
                            service,
                            file,
                            s.line(),
                            EnumReader.Kind.ENUM_SWITCH,
                            mapped.table(),
                            mapped.column(),
                            mapped.javaEnum(),
                            s.labels(),
                            s.shown() + " over " + mapped.javaEnum(),
                            mapped.declaredAt(),
                            whenUnknown(s)));
                }
            }
        });
        readers.addAll(switches);
        return List.copyOf(readers);
    }

    /**
     * A switch over the constants of a jOOQ-generated enum of its own service: jOOQ reads a value the enum lacks as
     * null, and a switch on null throws whatever its cases and default. Adds it and says so; false if it is none.
     */
    private static boolean jooqSwitch(
            EnumCode.ValueSwitch s,
            String file,
            Function<String, String> serviceOf,
            List<Declared<EnumCode.JavaEnum>> jooqEnums,
            List<EnumReader> switches) {
        String service = serviceOf.apply(file);
        boolean found = false;
        for (Declared<EnumCode.JavaEnum> e : jooqEnums) {
            if (!service.equals(serviceOf.apply(e.file()))
                    || !e.what().constants().containsAll(s.labels())) {
                continue;
            }
            found = true;
            switches.add(new EnumReader(
                    service,
                    file,
                    s.line(),
                    EnumReader.Kind.JOOQ_SWITCH,
                    null,
                    null,
                    e.what().name(),
                    e.what().literals(),
                    s.shown() + " over jOOQ's " + e.what().name(),
                    at(e.file(), e.what().line()),
                    EnumReader.WhenUnknown.NULL_SWITCH,
                    e.what().jooqType()));
        }
        return found;
    }

    private static EnumReader.WhenUnknown whenUnknown(EnumCode.ValueSwitch s) {
        return switch (s.whenNoCase()) {
            case "throws" -> EnumReader.WhenUnknown.THROWS;
            case "none" -> EnumReader.WhenUnknown.SKIPPED;
            default -> EnumReader.WhenUnknown.HANDLED;
        };
    }

    private static String at(String file, int line) {
        return java.nio.file.Path.of(file).getFileName() + ":" + line;
    }
}
