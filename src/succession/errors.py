"""Exceptions. Bad *content* never raises: readers return ``Rejected``; these are for misuse and setup."""
from __future__ import annotations

__all__ = ["SuccessionError", "InputError", "ConfigError", "StoreError", "ClusterError"]


class SuccessionError(Exception):
    """Base of every error succession raises on purpose."""


class InputError(SuccessionError):
    """An input path cannot be used at all (does not exist, not readable)."""


class ConfigError(SuccessionError):
    """A setting or resource is missing or wrong (e.g. a model that is not installed)."""


class StoreError(SuccessionError):
    """The store cannot be opened or written."""


class ClusterError(SuccessionError):
    """A Dask cluster cannot be reached or used (the message names the scheduler's address)."""
