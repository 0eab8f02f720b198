"""Errors a user can act on: each names the file and the problem in one line."""

from __future__ import annotations


class ReconcileError(Exception):
    """A problem with the user's input or store, reported as one line and exit code 2."""


class InputError(ReconcileError):
    """An input file that cannot be read as what it claims to be."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")
