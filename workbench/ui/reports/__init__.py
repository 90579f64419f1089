"""The 报表 view: reports, deliverables and monitoring panels with their dialogs."""
