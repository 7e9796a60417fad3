"""Case packages (.mdtpkg) for another hospital: encrypted, signed, optionally de-identified. No Qt here."""
