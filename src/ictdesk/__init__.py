"""ictdesk: digital-transformation statistics for Vietnamese local government, offline."""

__version__ = "0.1.0"
