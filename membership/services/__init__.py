"""The rules that change membership data, one module per subject; views and admin actions call these."""
