"""kinerja: performance accountability (SAKIP) for Indonesian regional governments."""

__version__ = "0.1.0"
