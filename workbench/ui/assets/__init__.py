"""The 设备 view: the asset register, its table model, the asset dialog and label printing."""
