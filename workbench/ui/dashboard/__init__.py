"""The 总览 view: the dashboard."""
