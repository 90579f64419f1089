"""The 工单 view: the work-order list, its filter bar, detail pane, dialogs and printing."""
