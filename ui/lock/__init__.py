"""The idle auto-lock: idle detection, the curtain over every window, the lock screen, handing over."""
