"""Data protection: what the DSGVO asks of the organiser about the people's data."""
