"""Checks of call arguments made before anything is sent, as botocore's parameter validation
makes them: required members present, strings, lists and maps not shorter than their minimum
length, numbers not below their minimum. Every problem of a call is reported at once.
"""

from __future__ import annotations

from collections.abc import Sized

__all__ = ["ParamValidationError", "check_min", "check_min_length", "check_required", "raise_if"]


class ParamValidationError(ValueError):
    """The arguments of a call break the service model's constraints; nothing was sent.

    ``problems`` lists each one ("Invalid length for parameter client_token, value: 0, valid
    min length: 1").
    """

    def __init__(self, problems: list[str]) -> None:
        super().__init__("Parameter validation failed:\n" + "\n".join(problems))
        self.problems = list(problems)


def check_required(value: object, name: str, problems: list[str]) -> bool:
    """False (and a problem noted) when a required value is missing."""
    if value is None:
        problems.append(f"Missing required parameter: {name}")
        return False
    return True


def check_min_length(value: Sized, minimum: int, name: str, problems: list[str]) -> None:
    if len(value) < minimum:
        length = f"Invalid length for parameter {name}, value: {len(value)}"
        problems.append(f"{length}, valid min length: {minimum}")


def check_min(value: float, minimum: float, name: str, problems: list[str]) -> None:
    if value < minimum:
        problems.append(
            f"Invalid value for parameter {name}, value: {value}, valid min value: {minimum}"
        )


def raise_if(problems: list[str]) -> None:
    if problems:
        raise ParamValidationError(problems)
