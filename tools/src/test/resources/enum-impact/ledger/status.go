package ledger

func weight(status string) int {
	switch status { // violation: breaks "and its default throws"
	case "NEW", "PAID":
		return 1
	case "SHIPPED":
		return 2
	default:
		panic("unknown status " + status)
	}
}
