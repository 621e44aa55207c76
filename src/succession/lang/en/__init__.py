"""Language data package; see succession.lang."""
