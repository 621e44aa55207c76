"""``python -m succession``: the same command line as ``succession``."""
from .cli import app

if __name__ == "__main__":
    app(prog_name="succession")
