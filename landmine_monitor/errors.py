"""User-facing errors: each carries one clear message naming the file or request and the problem."""


class MonitorError(Exception):
    """A problem the user can act on; shown as one line, never as a stack trace."""


class InputError(MonitorError):
    """A file that cannot be read as a report (empty, binary, too large, undecodable, not a report)."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")
        self.name = name
        self.problem = problem


class NotFound(MonitorError):
    """A country, report, source or page that the database does not hold."""
