"""The Qt widgets layer: a thin shell over :mod:`ictdesk.core`."""
