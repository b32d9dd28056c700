"""The Qt 6 (PySide6) GUI of regdesk. Screens talk to regdesk services, never to the ORM."""
