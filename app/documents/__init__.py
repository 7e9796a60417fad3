"""Generated documents: the treatment-plan PDF, the meeting agenda, and what they share (font, text, furniture)."""
