"""Shared pieces of the read-only JSON API (/api/v1/); each app declares its own router."""
