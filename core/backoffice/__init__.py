"""The admin's shared helpers: actions that call services, Chinese labels, the dashboard's tiles."""
