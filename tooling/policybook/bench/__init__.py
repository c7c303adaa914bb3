"""Benchmarks: a synthetic corpus generator and timed runs (``make bench``)."""
