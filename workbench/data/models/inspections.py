"""Models of the inspections area (filled in by its issue)."""
