"""Models of the reporting area (filled in by its issue)."""
