"""E-mail: the outbox every e-mail goes through, and its delivery."""
