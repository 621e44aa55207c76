"""succession: grounded leadership-change events from multilingual news."""
from __future__ import annotations

__version__ = "0.1.0"
