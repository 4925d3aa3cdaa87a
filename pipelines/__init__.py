"""Prefect flows, I/O and the command line: the stages are ordered here, the logic lives in extractors/."""
