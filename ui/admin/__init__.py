"""Administration: users now; backups, hospital certificate and settings come with later issues."""
