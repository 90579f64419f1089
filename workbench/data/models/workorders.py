"""Models of the workorders area (filled in by its issue)."""
