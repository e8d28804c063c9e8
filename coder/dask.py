"""`coder.dask.code_dataframe(ddf, ...)`: the Dask engine's Python API under a short name
(needs `pip install -e ".[dask]"`); see coder.engines.dask."""

from __future__ import annotations

from coder.engines.dask import code_dataframe, code_files, connect, worker_coder

__all__ = ["code_dataframe", "code_files", "connect", "worker_coder"]
