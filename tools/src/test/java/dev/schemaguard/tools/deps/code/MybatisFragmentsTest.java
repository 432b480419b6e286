package dev.schemaguard.tools.deps.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MyBatis statements built of {@code <sql>} fragments: an {@code <include refid>} of the same mapper or of another one
 * (namespace.id), nested, is read before the SQL is — a column listed only in a fragment is found at the statement
 * that includes it — and a {@code <bind>}'s OGNL is not read as SQL.
 */
class MybatisFragmentsTest {

    @TempDir
    Path root;

    @Test
    void aColumnListedOnlyInAFragmentIsFoundWhereTheStatementIncludesIt() throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.writeString(root.resolve("Common.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <mapper namespace="shop.Common">
                  <sql id="customerColumns">c.id, c.full_name, <include refid="contact"/></sql>
                  <sql id="contact">c.email</sql>
                </mapper>
                """);
        Files.writeString(root.resolve("CustomerMapper.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <mapper namespace="shop.CustomerMapper">
                  <sql id="byCountry">WHERE c.country = #{country}</sql>
                  <select id="list" resultType="map">
                    <bind name="pattern" value="'%' + loyalty_points + '%'"/>
                    SELECT <include refid="shop.Common.customerColumns"/>
                    FROM shop.customers c
                    <include refid="byCountry"/>
                  </select>
                  <select id="plain" resultType="map">SELECT c.id FROM shop.customers c</select>
                </mapper>
                """);
        CodeIndex index = CodeIndex.scan(List.of(root), CodeIndexCache.none());

        assertThat(sites(index, "shop.customers.email"))
                .as("nested, from another mapper")
                .containsExactly("CustomerMapper.xml:4");
        assertThat(sites(index, "shop.customers.country"))
                .as("this mapper's fragment")
                .containsExactly("CustomerMapper.xml:4");
        assertThat(sites(index, "shop.customers.loyalty_points"))
                .as("a bind's OGNL is not SQL")
                .isEmpty();
        assertThat(sites(index, "shop.customers.id")).containsExactly("CustomerMapper.xml:4", "CustomerMapper.xml:10");
    }

    private static List<String> sites(CodeIndex index, String target) {
        return index.sitesFor(DependencyTarget.parse(target)).stream()
                .map(s -> Path.of(s.file()).getFileName() + ":" + s.line())
                .toList();
    }
}
