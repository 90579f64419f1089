"""The 巡检 view: inspection rounds, the checklist editor, history and their models."""
