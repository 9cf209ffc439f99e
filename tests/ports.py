"""Local ports for tests that start servers, or need a server that is down."""

import socket


def free_port():
    """A local port nothing listens on: free to start a server on, and refused at once while nothing does (as a
    server that is down refuses)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
