def stage(status):
    match status:  # violation: changes "is passed over"
        case "NEW":
            return 0
        case "PAID" | "SHIPPED":
            return 1


def level(name):
    match name:
        case "debug":
            return 0
        case "info":
            return 1
        case _:
            raise ValueError(name)
