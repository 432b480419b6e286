package courier

fun priority(status: String): Int = when (status) { // violation: changes "'ON_HOLD' goes to its default"
    "NEW" -> 1
    "PAID", "SHIPPED" -> 2
    else -> 0
}

// Only some of the values, as numbers elsewhere: a when over other things is passed over.
fun size(code: Int): String = when (code) {
    1 -> "small"
    2 -> "large"
    else -> "unknown"
}
