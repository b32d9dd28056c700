"""Reports after the event: the figures for the funding body, as PDF and XLSX."""
