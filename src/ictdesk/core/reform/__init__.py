"""History across the 1 July 2025 reform: the old register, the crosswalk, the conversion.

``register`` holds the units before the reform (63 provinces, 696 districts, 10,035
communes), ``crosswalk`` where each went (34 provinces, 3,321 communes), ``convert`` the
import stage that keeps old figures under historical units and makes the new units' values
from them, ``suggest`` the check whether a file is keyed by old units. Data: resources/reform/
(derived from the PyPI package vietnamadminunits, MIT; see its README).
"""
