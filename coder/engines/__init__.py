"""Execution engines for corpus runs (local processes; Dask in a later step)."""
