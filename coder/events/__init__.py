"""Events: roles, coding rules and the Event record."""
