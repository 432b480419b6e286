package dev.schemaguard.tools.deps.code;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a type's values cross a JSON boundary: a field of a message type (a record, an …Event or …Dto class) whose
 * type is an enum that mirrors the database type — its constants are all the type's values, whatever it is called in
 * that service. Jackson fails on a value the enum lacks unless the service reads unknown values as null, or as the
 * enum's {@code @JsonEnumDefaultValue}, or the enum's {@code @JsonCreator} falls back.
 */
final class JsonEnumReaders {

    private record Declared<T>(String file, T what) {}

    private final Map<String, Declared<EnumCode.JavaEnum>> enums = new LinkedHashMap<>();
    private final List<Declared<Map.Entry<String, List<EventCode.MessageField>>>> messages = new ArrayList<>();
    private final Map<String, String> unknownEnumsByService = new HashMap<>();
    private final Function<String, String> serviceOf;

    JsonEnumReaders(Map<String, FileSummary> byFile, Function<String, String> serviceOf) {
        this.serviceOf = serviceOf;
        byFile.forEach((file, summary) -> {
            summary.enums().enums().forEach(e -> enums.putIfAbsent(e.name(), new Declared<>(file, e)));
            summary.events().messageTypes().entrySet().forEach(m -> messages.add(new Declared<>(file, m)));
            if (summary.events().unknownEnums() != null) {
                unknownEnumsByService.merge(
                        serviceOf.apply(file), summary.events().unknownEnums(), (a, b) -> a.equals("as-null") ? a : b);
            }
        });
    }

    /** The JSON decoders of a type whose values are {@code values} (two at least: fewer name no type). */
    List<EnumReader> readers(List<String> values) {
        List<EnumReader> readers = new ArrayList<>();
        if (values.size() < 2) {
            return readers;
        }
        for (Declared<Map.Entry<String, List<EventCode.MessageField>>> m : messages) {
            for (EventCode.MessageField field : m.what().getValue()) {
                Declared<EnumCode.JavaEnum> e = enums.get(field.type());
                if (e == null || !e.what().constants().containsAll(values)) {
                    continue;
                }
                String service = serviceOf.apply(m.file());
                String tolerance = unknownEnumsByService.get(service);
                EnumReader.WhenUnknown whenUnknown;
                String how = "Jackson reads " + m.what().getKey() + "." + field.name() + " into "
                        + e.what().name();
                if ("fallback".equals(e.what().jsonCreator())) {
                    whenUnknown = EnumReader.WhenUnknown.FALLBACK;
                    how += " through its @JsonCreator";
                } else if ("as-null".equals(tolerance)) {
                    whenUnknown = EnumReader.WhenUnknown.FALLBACK;
                    how += " (READ_UNKNOWN_ENUM_VALUES_AS_NULL: as null)";
                } else if ("using-default-value".equals(tolerance) && e.what().jsonDefault() != null) {
                    whenUnknown = EnumReader.WhenUnknown.FALLBACK;
                    how += " (READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE: as "
                            + e.what().jsonDefault() + ")";
                } else {
                    whenUnknown = EnumReader.WhenUnknown.THROWS;
                }
                readers.add(new EnumReader(
                        service,
                        m.file(),
                        field.line(),
                        EnumReader.Kind.JSON_ENUM,
                        null,
                        null,
                        e.what().name(),
                        e.what().constants(),
                        how,
                        Path.of(e.file()).getFileName() + ":" + e.what().line(),
                        whenUnknown));
            }
        }
        return readers;
    }
}
