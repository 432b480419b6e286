package dev.schemaguard.tools.inspect;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a page inside its token budget by measuring what each object adds to the JSON answer — the same JSON the
 * tool returns (nulls left out), at about four characters per token.
 */
final class PageSizer {

    static final int CHARS_PER_TOKEN = 4;
    static final ObjectMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private final long budgetChars;
    private long usedChars;

    PageSizer(int budgetTokens, double share) {
        this((long) (budgetTokens * (long) CHARS_PER_TOKEN * share), 0);
    }

    private PageSizer(long budgetChars, long usedChars) {
        this.budgetChars = budgetChars;
        this.usedChars = usedChars;
    }

    PageSizer copy() {
        return new PageSizer(budgetChars, usedChars);
    }

    /** Adds the object when it fits in what is left; says whether it did. */
    boolean fits(Object value) {
        long size = JSON.writeValueAsString(value).length() + 1; // + the comma that separates it from the next one
        if (usedChars + size > budgetChars) {
            return false;
        }
        usedChars += size;
        return true;
    }
}
