"""The Qt widgets layer: a thin shell over :mod:`ictdesk.core`."""

from ictdesk.gui.pyside_start import skip_feature_scan

skip_feature_scan()
