"""The ``succession`` command line: thin shells over the library."""
from .main import app, main

__all__ = ["app", "main"]
