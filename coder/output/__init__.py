"""Event rows and the files they are written to."""
