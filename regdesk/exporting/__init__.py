"""Lists as files: the document model (sheets of typed columns) and its writers for
XLSX, CSV and PDF."""
