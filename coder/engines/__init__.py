"""Execution engines for corpus runs: local processes (local.py) and a Dask cluster (dask.py, optional extra)."""
