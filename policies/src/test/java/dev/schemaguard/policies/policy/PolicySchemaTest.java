package dev.schemaguard.policies.policy;

import dev.schemaguard.policies.classify.ChangeClass;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The published JSON Schema and the loader accept the same keys and values: a change to one shows up here. */
class PolicySchemaTest {

    static final JsonNode SCHEMA = read();

    static JsonNode read() {
        try (InputStream in =
                PolicySchemaTest.class.getResourceAsStream("/dev/schemaguard/policies/policy.schema.json")) {
            return JsonMapper.builder().build().readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> keys(JsonNode object) {
        Set<String> keys = new TreeSet<>();
        object.at("/properties").propertyNames().forEach(keys::add);
        return keys;
    }

    @Test
    void keysMatchTheLoader() {
        JsonNode block = SCHEMA.at("/$defs/block");
        assertThat(keys(SCHEMA)).isEqualTo(new TreeSet<>(PolicyLoader.TOP_KEYS));
        assertThat(keys(block)).isEqualTo(new TreeSet<>(PolicyLoader.SCOPE_KEYS));
        assertThat(keys(block.at("/properties/match"))).isEqualTo(new TreeSet<>(PolicyLoader.MATCH_KEYS));
        assertThat(keys(block.at("/properties/approval"))).isEqualTo(new TreeSet<>(PolicyLoader.APPROVAL_KEYS));
        assertThat(keys(block.at("/properties/timeouts"))).isEqualTo(new TreeSet<>(PolicyLoader.TIMEOUT_KEYS));
        assertThat(keys(block.at("/properties/rules/items"))).isEqualTo(new TreeSet<>(PolicyLoader.RULE_KEYS));
        assertThat(keys(block.at("/properties/windows/items"))).isEqualTo(new TreeSet<>(PolicyLoader.WINDOW_KEYS));
        assertThat(keys(block.at("/properties/freezes/items"))).isEqualTo(new TreeSet<>(PolicyLoader.FREEZE_KEYS));
        assertThat(keys(block.at("/properties/sensitive-tables/items")))
                .isEqualTo(new TreeSet<>(PolicyLoader.SENSITIVE_KEYS));
        assertThat(keys(block.at("/properties/changes/additionalProperties/oneOf/1")))
                .isEqualTo(new TreeSet<>(PolicyLoader.CLASS_RULE_KEYS));
    }

    @Test
    void enumerationsMatchTheCode() {
        Set<String> classes = new TreeSet<>();
        SCHEMA.at("/$defs/changeClass/enum").forEach(n -> classes.add(n.asString()));
        assertThat(classes).isEqualTo(new TreeSet<>(ChangeClass.ids()));
        Set<String> evidence = new TreeSet<>();
        SCHEMA.at("/$defs/block/properties/evidence/items/enum").forEach(n -> evidence.add(n.asString()));
        assertThat(evidence).isEqualTo(new TreeSet<>(Evidence.ids()));
    }
}
