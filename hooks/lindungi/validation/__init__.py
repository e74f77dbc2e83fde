"""Checking what editors wrote: the problem reports, the YAML reader that keeps line numbers, the document shapes
and their JSON schemas, and the rules checked across the whole project."""
