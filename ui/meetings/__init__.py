"""Meetings: the list now; agenda, attendance and the meeting room come with the meetings issue."""
