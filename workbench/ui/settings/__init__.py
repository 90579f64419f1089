"""The 设置 view: engineers, scanner settings, audit trail, backups and the welcome wizard."""
