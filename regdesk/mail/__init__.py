"""Mail to participants: SMTP settings, templates, a durable send queue."""
